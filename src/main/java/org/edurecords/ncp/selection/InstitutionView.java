package org.edurecords.ncp.selection;

import java.util.List;

/** An institution's block on the selection and preview pages. */
public record InstitutionView(long id, String name, List<ResultRow> rows, String totalCredits, boolean anyOffered) {
}
