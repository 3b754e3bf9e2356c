package org.edurecords.ncp.receiving.profile;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A profile evaluated over one applicant's results: what the case system decides on.
 *
 * @param outcome        {@code met}, {@code not_met} or {@code needs_review}
 * @param verdicts       every condition of the profile, the root first, depth first
 * @param reviewReasons  why a person must look, as stable words ({@code not_verified}, {@code partial_sources},
 *                       {@code unknown_grading_scheme}, ...); empty when the outcome is decided
 */
public record Evaluation(Outcome outcome, String profileId, int profileVersion, List<ConditionVerdict> verdicts,
        List<String> reviewReasons) {

    public Evaluation {
        verdicts = List.copyOf(verdicts);
        reviewReasons = List.copyOf(reviewReasons);
    }

    public enum Outcome {
        @JsonProperty("met")
        MET,
        @JsonProperty("not_met")
        NOT_MET,
        @JsonProperty("needs_review")
        NEEDS_REVIEW
    }

    /**
     * One condition's verdict.
     *
     * @param path      where it is in the profile, e.g. {@code require.all[1]}
     * @param kind      {@code all}, {@code any}, {@code qualification}, {@code credits}, {@code passed}, {@code grade}
     * @param resultIds the results that satisfied it (ids of {@code ReceivedResults})
     * @param detail    a short English explanation, e.g. "182.5 of 180 ECTS"
     */
    public record ConditionVerdict(String path, String kind, Verdict verdict, List<String> resultIds, String detail) {
        public ConditionVerdict {
            resultIds = List.copyOf(resultIds);
        }
    }
}
