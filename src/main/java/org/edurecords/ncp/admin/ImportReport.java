package org.edurecords.ncp.admin;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, learner by learner. */
public record ImportReport(String institution, String format, int accepted, int unchanged, int rejected,
        List<LearnerOutcome> learners) {

    public enum Outcome {
        /** A learner was new in the store for this institution. */
        CREATED,
        /** The learner's results at this institution were replaced by the imported ones. */
        REPLACED,
        /** Exactly these results were imported before; nothing changed. */
        UNCHANGED,
        /** Nothing of this learner was stored; see problems. */
        REJECTED
    }

    /**
     * @param learner position in the batch and the last digits of the identifier, never the full number
     */
    public record LearnerOutcome(
            @Schema(example = "learners[0] (*******2345)") String learner,
            Outcome outcome,
            int results,
            List<String> problems) {
    }
}
