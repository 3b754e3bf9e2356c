package org.edurecords.ncp.selection;

import io.quarkus.qute.TemplateData;

/**
 * One line of the selection or preview table, already localized.
 *
 * @param institution the id of the institution whose table the row is in: a cell reads it from its own row, as a
 *        lookup from the enclosing loop costs a search through every value resolver on each row
 * @param depth 0 for a top-level node, 1 for its parts, ...
 * @param offered whether the student may tick it (by default: passed results only)
 * @param group whether it has parts: its checkbox then selects it as a whole (with all its passed parts)
 * @param details what else the document says about the result (term, level, ...), shown under the title
 * @param passed whether the result is passed: "select all" boxes only ever add passed results
 * @param creditsValue the row's credits as a plain number for the page's script ("7.5"), empty when none
 * @param programme a top-level degree programme, whose box is "the whole programme"; any other node with
 *        parts (a module, a specialisation) is not called a programme
 * @param groupChecked for a node with parts: all its passed parts are selected
 * @param groupSelectable for a node with parts: its box can select something (the node itself is offered, or
 *        it has passed parts)
 * @param partsIncluded for a node with parts of which only some were selected: how many are; -1 otherwise
 * @param partsTotal for the same node: how many parts the source lists under it
 */
@TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
public record ResultRow(long id, long institution, int depth, String code, String title, String type, String date,
        String grade, String credits, String status, boolean offered, boolean checked, boolean group, Details details,
        boolean passed, String creditsValue, boolean programme, boolean groupChecked, boolean groupSelectable,
        int partsIncluded,
        int partsTotal) {

    /**
     * The fields of the result beyond the table columns, localized; each is empty when the source has none.
     *
     * @param term the academic term, e.g. "Autumn 2019"
     * @param level the levels in their frameworks, e.g. "EQF 7"
     * @param language the language of instruction, e.g. "Norwegian"; empty also when the institution's
     *        block says it once for all its rows
     * @param hours the engagement hours, formatted as a number
     */
    @TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
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

    /** Whether only some of this node's passed parts are selected: every view then says "1 of 22". */
    public boolean partial() {
        return partsIncluded >= 0;
    }
}
