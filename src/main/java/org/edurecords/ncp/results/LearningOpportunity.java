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
 * @param parts on a node with parts, in a selection: how much of it was selected; null in a source's own tree
 */
public record LearningOpportunity(long id, String code, LocalizedText title, String type,
        ResultInstance result, List<LearningOpportunity> children, SelectedParts parts) {

    public LearningOpportunity {
        children = List.copyOf(children);
        title = title == null ? LocalizedText.EMPTY : title;
    }

    /** A node as a source has it. */
    public LearningOpportunity(long id, String code, LocalizedText title, String type, ResultInstance result,
            List<LearningOpportunity> children) {
        this(id, code, title, type, result, children, null);
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
     * The credits of this node as a whole: its own, or else the sum of what its passed parts earned
     * (a failed or unfinished part earns nothing). For a degree whose credits sit on its courses, the degree's.
     */
    public BigDecimal earnedCredits() {
        if (result.ectsCredits() != null) {
            return passed() ? result.ectsCredits() : null;
        }
        BigDecimal sum = null;
        for (LearningOpportunity child : children) {
            BigDecimal part = child.earnedCredits();
            if (part != null) {
                sum = sum == null ? part : sum.add(part);
            }
        }
        return sum;
    }

    /**
     * The credits a view shows on this node's row: its own, or for a node with parts the credits of the whole
     * node (also when only some parts were selected).
     */
    public BigDecimal shownCredits() {
        if (result.ectsCredits() != null) {
            return result.ectsCredits();
        }
        if (children.isEmpty()) {
            return null;
        }
        return parts != null ? parts.credits() : earnedCredits();
    }

    /** Whether only some of this node's passed parts are in the selection it belongs to. */
    public boolean partial() {
        return parts != null && parts.partial();
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
        LearningOpportunity pruned = new LearningOpportunity(id, code, title, type, result, kept, null);
        if (children.isEmpty()) {
            return pruned;
        }
        // A selection pruned again keeps what the first pruning said about the source's full tree.
        SelectedParts measured = parts != null ? parts : SelectedParts.of(this, pruned);
        return new LearningOpportunity(id, code, title, type, result, kept, measured);
    }

    /**
     * The id of a node that no store numbered (read from a document, made from a credential): negative, from a
     * SHA-256 of its path, so never a store id (those are positive), never 0, and the same for the same path.
     */
    public static long derivedId(String path) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(path.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            long value = 0;
            for (int i = 0; i < 8; i++) {
                value = (value << 8) | (hash[i] & 0xff);
            }
            return -(value & 0x3fffffffffffffffL) - 1;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
