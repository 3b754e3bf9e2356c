package org.edurecords.ncp.pdf;

import java.util.List;

/**
 * A section of the transcript after the results that a feature fills with its own layout (e.g. one kind of
 * credential): a heading, and entries of a title, a status line, labelled facts and a table. The texts are final,
 * in the transcript's language; the renderer only lays them out.
 *
 * @param note a line under the heading (e.g. the day the statuses are of); null for none
 */
public record TranscriptSection(String heading, String note, List<Entry> entries) {

    public TranscriptSection {
        entries = entries == null ? List.of() : List.copyOf(entries);
    }

    /**
     * One item of the section.
     *
     * @param status null when there is nothing to say
     * @param table  null for none
     */
    public record Entry(String title, Status status, List<Fact> facts, Table table) {

        public Entry {
            facts = facts == null ? List.of() : List.copyOf(facts);
        }
    }

    /** A labelled value. */
    public record Fact(String label, String value) {
    }

    /**
     * A table with its column headings and rows of cell texts (as many as there are columns); it wraps and breaks
     * across pages as the results table does.
     *
     * @param wideColumn the column that gets the width the others leave (a title); the others keep what they need
     */
    public record Table(List<String> columns, List<List<String>> rows, int wideColumn) {

        public Table {
            columns = List.copyOf(columns);
            rows = rows == null ? List.of() : rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * Where the entry stands, in words ("Revoked since 2023-09-01"); one that is not {@code standing} is also
     * marked by a bar and bold type, never by colour alone.
     */
    public record Status(String label, String text, boolean standing) {
    }
}
