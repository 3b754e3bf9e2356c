package org.edurecords.ncp.selection;

/**
 * The running total of a selection: how many results (without parts of their own) and their credits.
 *
 * @param credits the sum of their ECTS credits, formatted for the page's language
 */
public record SelectionSummary(int count, String credits) {
}
