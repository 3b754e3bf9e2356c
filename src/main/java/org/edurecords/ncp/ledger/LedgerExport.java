package org.edurecords.ncp.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.edurecords.ncp.results.Learner;

/**
 * The ledger as a file for a data-access request: JSON (complete, with the disclosed results as objects)
 * and CSV (one line per disclosure, for a spreadsheet). Times are ISO 8601 in UTC.
 */
@ApplicationScoped
public class LedgerExport {

    static final List<String> CSV_COLUMNS = List.of("time", "kind", "recipient", "return_code", "share_link_id",
            "document_id", "label", "result_count", "results");

    private static final CsvMapper CSV = new CsvMapper();

    @Inject
    ObjectMapper json;

    @Inject
    DisclosureLedger ledger;

    /** What the JSON export contains. */
    public record Document(Owner learner, Instant generatedAt, List<Event> events) {
    }

    public record Owner(String givenNames, String familyName, LocalDate birthDate) {
    }

    public record Event(Instant time, DisclosureKind kind, String recipient, String returnCode, String shareLinkId,
            String documentId, String label, List<DisclosedResult> results) {
    }

    public byte[] json(Learner learner, List<DisclosureEvent> events, Instant now) {
        List<Event> rows = events.stream()
                .map(e -> new Event(e.occurredAt, e.kind, e.recipient, e.returnCode, e.shareLinkId, e.documentId,
                        e.label, ledger.resultsOf(e)))
                .toList();
        Document document = new Document(new Owner(learner.givenNames(), learner.familyName(), learner.birthDate()),
                now, rows);
        try {
            return json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsBytes(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String csv(List<DisclosureEvent> events) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        CSV_COLUMNS.forEach(schema::addColumn);
        List<Map<String, String>> rows = new ArrayList<>();
        for (DisclosureEvent event : events) {
            List<DisclosedResult> results = ledger.resultsOf(event);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("time", event.occurredAt.toString());
            row.put("kind", event.kind.name());
            row.put("recipient", cell(event.recipient));
            row.put("return_code", cell(event.returnCode));
            row.put("share_link_id", cell(event.shareLinkId));
            row.put("document_id", cell(event.documentId));
            row.put("label", cell(event.label));
            row.put("result_count", Integer.toString(results.size()));
            row.put("results", cell(results.stream().map(LedgerExport::describe).collect(Collectors.joining(" | "))));
            rows.add(row);
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(DisclosedResult result) {
        String code = result.code() == null ? "" : result.code() + " ";
        return result.institution() + ": " + code + (result.title() == null ? "" : result.title());
    }

    /**
     * A text cell that a spreadsheet will not run as a formula: labels and titles come from people and
     * institutions, so a leading {@code = + - @} (or tab/CR) is neutralised with an apostrophe.
     */
    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
