package org.edurecords.ncp.selection;

import io.quarkus.qute.TemplateData;

/**
 * The running total of a selection: how many results (without parts of their own) and their credits.
 *
 * @param credits the sum of their ECTS credits, formatted for the page's language
 */
@TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
public record SelectionSummary(int count, String credits) {
}
