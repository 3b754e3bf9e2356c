package org.edurecords.ncp.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Everything known about one learner, per institution. */
public record LearnerResults(Learner learner, List<InstitutionResults> institutions) {

    public LearnerResults {
        institutions = List.copyOf(institutions);
    }

    public boolean isEmpty() {
        return institutions.stream().allMatch(i -> i.roots().isEmpty());
    }

    /** Only what the learner selected, with ancestors kept; institutions with nothing selected are dropped. */
    public LearnerResults select(Set<Long> selected) {
        List<InstitutionResults> kept = new ArrayList<>();
        for (InstitutionResults institution : institutions) {
            InstitutionResults pruned = institution.prune(selected);
            if (pruned != null) {
                kept.add(pruned);
            }
        }
        return new LearnerResults(learner, kept);
    }
}
