package org.edurecords.ncp.selection;

/**
 * One line of the selection or preview table, already localized.
 *
 * @param depth 0 for a top-level node, 1 for its parts, ...
 * @param offered whether the student may tick it (by default: passed results only)
 * @param group whether it has parts, so "select the whole degree" is offered
 * @param details what else the document says about the result (term, level, ...), shown under the title
 */
public record ResultRow(long id, int depth, String code, String title, String type, String date, String grade,
        String credits, String status, boolean offered, boolean checked, boolean group, Details details) {

    /**
     * The fields of the result beyond the table columns, localized; each is empty when the source has none.
     *
     * @param term the academic term, e.g. "Autumn 2019"
     * @param level the levels in their frameworks, e.g. "EQF 7"
     * @param language the language of instruction, e.g. "Norwegian"
     * @param hours the engagement hours, formatted as a number
     */
    public record Details(String term, String level, String language, String hours) {

        public boolean any() {
            return !term.isEmpty() || !level.isEmpty() || !language.isEmpty() || !hours.isEmpty();
        }
    }

    /** Message key of the localized status label. */
    public String statusKey() {
        return "status_" + status.replace('-', '_');
    }

    public String indentClass() {
        return "depth-" + Math.min(depth, 4);
    }
}
