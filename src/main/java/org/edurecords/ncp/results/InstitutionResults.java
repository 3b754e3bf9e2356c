package org.edurecords.ncp.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What one institution holds about a learner: a forest of learning opportunities and its grading schemes. */
public record InstitutionResults(Institution institution, List<LearningOpportunity> roots,
        List<GradingScheme> gradingSchemes) {

    public InstitutionResults {
        roots = List.copyOf(roots);
        gradingSchemes = List.copyOf(gradingSchemes);
    }

    /** The selected parts only; null when nothing of this institution is selected. */
    public InstitutionResults prune(Set<Long> selected) {
        List<LearningOpportunity> kept = new ArrayList<>();
        for (LearningOpportunity root : roots) {
            LearningOpportunity pruned = root.prune(selected);
            if (pruned != null) {
                kept.add(pruned);
            }
        }
        return kept.isEmpty() ? null : new InstitutionResults(institution, kept, gradingSchemes);
    }

    public List<LearningOpportunity> allOpportunities() {
        List<LearningOpportunity> all = new ArrayList<>();
        roots.forEach(root -> all.addAll(root.flatten()));
        return all;
    }

    public BigDecimal totalCredits() {
        return roots.stream().map(LearningOpportunity::totalCredits).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
