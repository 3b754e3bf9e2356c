package org.edurecords.ncp.web;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * A CSV body as a register exports it from a spreadsheet, read the one way every CSV import reads it: UTF-8 (with
 * or without a byte order mark), comma or semicolon separated (the separator of the header line wins), a header
 * line naming the columns, cells trimmed, empty lines skipped. The formats on top of it check the columns.
 *
 * @param columns the header's columns, in order
 * @param rows    each row's cells by column; row {@code i} is line {@code i + 2} of the file
 */
public record CsvTable(Set<String> columns, List<Map<String, String>> rows) {

    /** The body cannot be read as CSV at all; the message says why, in the file's terms. */
    public static final class UnreadableException extends Exception {
        private static final long serialVersionUID = 1L;

        public UnreadableException(String message) {
            super(message);
        }
    }

    /** One row: its line in the file (for problems) and its cells by column. */
    public record Row(int number, Map<String, String> cells) {

        /** The trimmed cell, or null when blank or absent. */
        public String value(String column) {
            String v = cells.get(column);
            return v == null || v.isBlank() ? null : v.strip();
        }
    }

    /** The rows with their line numbers (the header is line 1). */
    public List<Row> numberedRows() {
        List<Row> numbered = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            numbered.add(new Row(i + 2, rows.get(i)));
        }
        return numbered;
    }

    /**
     * The value of a column that must be the same on every row of one thing (a learner, a credential); blank cells
     * are allowed, a different value is a problem of that row.
     */
    public static String same(List<Row> rows, String column, String thing, List<String> problems) {
        String value = null;
        for (Row row : rows) {
            String v = row.value(column);
            if (v != null && value != null && !v.equals(value)) {
                problems.add("row " + row.number() + ": " + column + " differs from an earlier row of " + thing);
            } else if (v != null) {
                value = v;
            }
        }
        return value;
    }

    /** A date cell in ISO form; a problem of the row otherwise. */
    public static java.time.LocalDate date(Row row, String value, String column, List<String> problems) {
        if (value == null) {
            return null;
        }
        try {
            return java.time.LocalDate.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add("row " + row.number() + ": " + column + " is not a date (YYYY-MM-DD)");
            return null;
        }
    }

    private static final CsvMapper MAPPER = new CsvMapper().enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES).enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS);

    public static CsvTable read(byte[] body) throws UnreadableException {
        String text = utf8(body);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        int firstLineEnd = text.indexOf('\n');
        String header = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
        char separator = header.indexOf(';') >= 0 && header.indexOf(',') < 0 ? ';' : ',';
        List<Map<String, String>> rows = new ArrayList<>();
        Set<String> columns = new LinkedHashSet<>();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnSeparator(separator)).readValues(text)) {
            while (it.hasNextValue()) {
                rows.add(it.nextValue());
            }
            if (it.getParser().getSchema() instanceof CsvSchema schema) {
                schema.forEach(c -> columns.add(c.getName()));
            }
        } catch (CsvReadException e) {
            // The CSV reader's own message is about the rows (entries expected and found); other messages name Java types.
            throw new UnreadableException("The body is not readable as CSV" + atLine(e) + ": "
                    + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw new UnreadableException("The body is not readable as CSV" + atLine(e));
        } catch (IOException | RuntimeException e) {
            throw new UnreadableException("The body is not readable as CSV");
        }
        return new CsvTable(columns, rows);
    }

    private static String utf8(byte[] body) throws UnreadableException {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw new UnreadableException("The body is not UTF-8 text; save the file as CSV UTF-8");
        }
    }

    private static String atLine(JsonProcessingException e) {
        return e.getLocation() == null || e.getLocation().getLineNr() < 1 ? "" : " at line " + e.getLocation().getLineNr();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown problem";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
