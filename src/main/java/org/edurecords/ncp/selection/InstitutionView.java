package org.edurecords.ncp.selection;

import java.util.List;
import io.quarkus.qute.TemplateData;

/**
 * An institution's block on the selection and preview pages.
 *
 * @param name the institution's name as it was when the results were achieved
 * @param currentName today's name when the institution has since been merged or renamed; empty otherwise
 * @param language the language of instruction of every row, said once for the block; empty when the rows differ
 *        (then each row says its own)
 * @param allChecked whether every passed result of the institution is selected (its "select all" box)
 */
@TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
public record InstitutionView(long id, String name, String currentName, List<ResultRow> rows, String totalCredits,
        boolean anyOffered, String language, boolean allChecked) {
}
