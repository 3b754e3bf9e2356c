package org.edurecords.ncp.selection;

/**
 * One line of the selection or preview table, already localized.
 *
 * @param depth 0 for a top-level node, 1 for its parts, ...
 * @param offered whether the student may tick it (by default: passed results only)
 * @param group whether it has parts, so "select the whole degree" is offered
 */
public record ResultRow(long id, int depth, String code, String title, String type, String date, String grade,
        String credits, String status, boolean offered, boolean checked, boolean group) {

    /** Message key of the localized status label. */
    public String statusKey() {
        return "status_" + status.replace('-', '_');
    }

    public String indentClass() {
        return "depth-" + Math.min(depth, 4);
    }
}
