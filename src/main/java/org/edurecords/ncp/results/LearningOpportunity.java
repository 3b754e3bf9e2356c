package org.edurecords.ncp.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A node of an institution's result tree (degree programme, module, course) with the learner's result.
 *
 * @param id stable database identifier; what a selection refers to
 * @param code the institution's local code for the opportunity
 * @param type ELMO type: {@code Degree Programme}, {@code Module}, {@code Course} or {@code Class}
 */
public record LearningOpportunity(long id, String code, LocalizedText title, String type,
        ResultInstance result, List<LearningOpportunity> children) {

    public LearningOpportunity {
        children = List.copyOf(children);
        title = title == null ? LocalizedText.EMPTY : title;
    }

    /** Every title the source has, in its order. */
    public List<LangText> titles() {
        return title.all();
    }

    public String title(Locale locale) {
        return title.in(locale);
    }

    public boolean passed() {
        return result.status() == ResultStatus.PASSED;
    }

    /** Credits of this node or, if it has none, the sum of its descendants'. */
    public BigDecimal totalCredits() {
        if (result.ectsCredits() != null) {
            return result.ectsCredits();
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (LearningOpportunity child : children) {
            sum = sum.add(child.totalCredits());
        }
        return sum;
    }

    /**
     * The subtree that keeps selected nodes and the ancestors of selected nodes; null when
     * nothing in this subtree is selected. Ancestors are kept so a course stays inside its degree.
     */
    public LearningOpportunity prune(Set<Long> selected) {
        List<LearningOpportunity> kept = new ArrayList<>();
        for (LearningOpportunity child : children) {
            LearningOpportunity pruned = child.prune(selected);
            if (pruned != null) {
                kept.add(pruned);
            }
        }
        if (!selected.contains(id) && kept.isEmpty()) {
            return null;
        }
        return new LearningOpportunity(id, code, title, type, result, kept);
    }

    /** This node and all its descendants, depth first. */
    public List<LearningOpportunity> flatten() {
        List<LearningOpportunity> all = new ArrayList<>();
        all.add(this);
        for (LearningOpportunity child : children) {
            all.addAll(child.flatten());
        }
        return all;
    }
}
