package org.edurecords.ncp.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Everything known about one learner, per institution.
 *
 * @param missing institutions whose results could not be read (timed out, unavailable, invalid data);
 *        empty when everything was read
 */
public record LearnerResults(Learner learner, List<InstitutionResults> institutions, List<Completeness> missing) {

    public LearnerResults {
        institutions = List.copyOf(institutions);
        missing = missing == null ? List.of() : List.copyOf(missing);
    }

    /** Results read completely from every source. */
    public LearnerResults(Learner learner, List<InstitutionResults> institutions) {
        this(learner, institutions, List.of());
    }

    public boolean isEmpty() {
        return institutions.stream().allMatch(i -> i.roots().isEmpty());
    }

    public boolean isPartial() {
        return !missing.isEmpty();
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
        return new LearnerResults(learner, kept, missing);
    }

    /** Completeness of every institution: the ones in this document (complete) and the ones missing. */
    public List<Completeness> completeness() {
        List<Completeness> all = new ArrayList<>();
        for (InstitutionResults institution : institutions) {
            Institution i = institution.institution();
            all.add(new Completeness(i.schac(), i.name(), Completeness.Status.COMPLETE));
        }
        all.addAll(missing);
        return all;
    }
}
