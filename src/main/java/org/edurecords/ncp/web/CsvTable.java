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
