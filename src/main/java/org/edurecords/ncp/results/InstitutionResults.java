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
     * student selected that node itself, not when the node is merely kept as the ancestor of a selected course,
     * and only when the node is whole: a Diploma Supplement would show the results the student left out.
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
        java.util.Map<Long, LearningOpportunity> keptNodes = new java.util.HashMap<>();
        kept.forEach(root -> root.flatten().forEach(lo -> keptNodes.put(lo.id(), lo)));
        List<SourceAttachment> keptAttachments = attachments.stream()
                .filter(a -> selected.contains(a.learningOpportunityId()))
                .filter(a -> keptNodes.containsKey(a.learningOpportunityId())
                        && !keptNodes.get(a.learningOpportunityId()).partial())
                .toList();
        return new InstitutionResults(institution, kept, gradingSchemes, keptAttachments);
    }

    /**
     * The same results with the newest qualification first: top-level results ordered by the day they were
     * completed, newest first; unfinished ones (no day yet) before all of them, by their start, newest first.
     * The order of the parts inside a qualification stays as the source gives it.
     */
    public InstitutionResults newestFirst() {
        List<LearningOpportunity> ordered = new ArrayList<>(roots);
        ordered.sort(java.util.Comparator.comparing((LearningOpportunity lo) -> lo.result().date() == null)
                .reversed()
                .thenComparing(lo -> newest(lo), java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        return new InstitutionResults(institution, ordered, gradingSchemes, attachments);
    }

    private static java.time.LocalDate newest(LearningOpportunity lo) {
        return lo.result().date() != null ? lo.result().date() : lo.result().start();
    }

    /** The same results under another name of the institution (e.g. the name it had then). */
    public InstitutionResults named(Institution named) {
        return new InstitutionResults(named, roots, gradingSchemes, attachments);
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
