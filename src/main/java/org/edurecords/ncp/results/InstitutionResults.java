package org.edurecords.ncp.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What one institution holds about a learner: a forest of learning opportunities, its grading schemes and
 * the documents it issued for them.
 */
public record InstitutionResults(Institution institution, List<LearningOpportunity> roots,
        List<GradingScheme> gradingSchemes, List<SourceAttachment> attachments) {

    public InstitutionResults {
        roots = List.copyOf(roots);
        gradingSchemes = List.copyOf(gradingSchemes);
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public InstitutionResults(Institution institution, List<LearningOpportunity> roots,
            List<GradingScheme> gradingSchemes) {
        this(institution, roots, gradingSchemes, List.of());
    }

    /**
     * The selected parts only; null when nothing of this institution is selected. An institution's document
     * (e.g. the Diploma Supplement of a degree) lists everything under its node, so it stays only when the
     * student selected that node itself, not when the node is merely kept as the ancestor of a selected course.
     */
    public InstitutionResults prune(Set<Long> selected) {
        List<LearningOpportunity> kept = new ArrayList<>();
        for (LearningOpportunity root : roots) {
            LearningOpportunity pruned = root.prune(selected);
            if (pruned != null) {
                kept.add(pruned);
            }
        }
        if (kept.isEmpty()) {
            return null;
        }
        List<SourceAttachment> keptAttachments = attachments.stream()
                .filter(a -> selected.contains(a.learningOpportunityId())).toList();
        return new InstitutionResults(institution, kept, gradingSchemes, keptAttachments);
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
