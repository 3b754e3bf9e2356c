package org.edurecords.ncp.sharing;

import java.util.List;

import org.edurecords.ncp.results.Completeness;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;

/**
 * The results of a link as its page shows them, kept beside the signed document they were signed from. The
 * learner is kept without identity numbers: the page shows name and birth date only.
 */
public record SnapshotPayload(Learner learner, List<InstitutionResults> institutions, List<Completeness> missing) {

    static SnapshotPayload of(LearnerResults selected) {
        Learner l = selected.learner();
        return new SnapshotPayload(new Learner(l.id(), l.givenNames(), l.familyName(), l.birthDate(), null,
                l.citizenship(), null), selected.institutions(), selected.missing());
    }

    LearnerResults results() {
        return new LearnerResults(learner, institutions, missing);
    }
}
