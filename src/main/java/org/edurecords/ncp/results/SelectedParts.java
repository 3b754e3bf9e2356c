package org.edurecords.ncp.results;

import java.math.BigDecimal;

/**
 * How much of a result with parts (a degree programme, a module) a selection contains. Set by
 * {@link LearningOpportunity#prune} on every node with parts, from the source's full tree, so that every view
 * of a selection (preview, recipient page, PDF, ELMO) says the same: "selected results only: 1 of 22", and shows
 * the credits of the whole qualification, not only of the parts that were sent. See ADR 0003.
 *
 * @param included how many of the node's parts (all levels below it) are in the selection
 * @param total how many parts the source lists under the node
 * @param credits the ECTS credits of the whole node: its own, or the sum of its passed parts' in the source;
 *        null when none of them has credits
 * @param whole whether every passed part is in the selection; failed and unfinished parts are not needed
 *        for a qualification to be whole
 */
public record SelectedParts(int included, int total, BigDecimal credits, boolean whole) {

    /** The rule, in one place: compares the node as the source has it with what is kept of it. */
    public static SelectedParts of(LearningOpportunity source, LearningOpportunity kept) {
        java.util.Set<Long> keptIds = new java.util.HashSet<>();
        kept.flatten().forEach(lo -> keptIds.add(lo.id()));
        int total = 0;
        int included = 0;
        boolean whole = true;
        for (LearningOpportunity part : source.flatten()) {
            if (part == source) {
                continue;
            }
            total++;
            if (keptIds.contains(part.id())) {
                included++;
            } else if (part.passed()) {
                whole = false;
            }
        }
        return new SelectedParts(included, total, source.earnedCredits(), whole);
    }

    /** Whether the views must say that only some results of the node were selected. */
    public boolean partial() {
        return !whole;
    }
}
