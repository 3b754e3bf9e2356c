package org.edurecords.ncp.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.web.Languages;
import org.edurecords.ncp.web.MoreMessages;
import org.edurecords.ncp.web.Texts;

/**
 * The ledger as a file for a data-access request: JSON (complete, with the disclosed results as objects)
 * and CSV (one line per disclosure, for a spreadsheet). JSON is for programs: English names, times ISO 8601 in UTC.
 * CSV is for people and their spreadsheets: headers and event names in the owner's language, times ISO 8601 in
 * the service's time zone with the offset, and in Norwegian and Sámi the separator {@code ;} (the comma is their
 * decimal sign), so that a spreadsheet of that language opens it in columns.
 */
@ApplicationScoped
public class LedgerExport {

    private static final CsvMapper CSV = new CsvMapper();
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    @Inject
    ObjectMapper json;

    @Inject
    DisclosureLedger ledger;

    /** What the JSON export contains. */
    public record Document(Owner learner, Instant generatedAt, List<Event> events) {
    }

    public record Owner(String givenNames, String familyName, LocalDate birthDate) {
    }

    /** @param reference EMREX 2.0: the consent's reference id; null otherwise (the CSV leaves it out) */
    public record Event(Instant time, DisclosureKind kind, String recipient, String returnCode, String shareLinkId,
            String documentId, String label, List<DisclosedResult> results, String reference) {
    }

    public byte[] json(Learner learner, List<DisclosureEvent> events, Instant now) {
        List<Event> rows = events.stream()
                .map(e -> new Event(e.occurredAt, e.kind, e.recipient, e.returnCode, e.shareLinkId, e.documentId,
                        e.label, ledger.resultsOf(e), e.reference))
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

    /** The CSV in the owner's language; times in {@code zone}. */
    public String csv(List<DisclosureEvent> events, Locale locale, ZoneId zone) {
        MoreMessages text = Texts.more(locale);
        List<String> headers = List.of(text.ledger_csv_time(), text.ledger_csv_event(), text.ledger_csv_recipient(),
                text.ledger_csv_return_code(), text.ledger_csv_share_link(), text.ledger_csv_document(),
                text.ledger_csv_label(), text.ledger_csv_result_count(), text.ledger_csv_results());
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true)
                .setColumnSeparator(separator(locale));
        headers.forEach(schema::addColumn);
        List<Map<String, String>> rows = new ArrayList<>();
        for (DisclosureEvent event : events) {
            List<DisclosedResult> results = ledger.resultsOf(event);
            List<String> cells = List.of(
                    CSV_TIME.format(event.occurredAt.atZone(zone).truncatedTo(ChronoUnit.SECONDS).toOffsetDateTime()),
                    cell(Texts.byKey(locale, event.kind.messageKey())),
                    cell(event.recipient),
                    cell(event.returnCode),
                    cell(event.shareLinkId),
                    cell(event.documentId),
                    cell(event.label),
                    Integer.toString(results.size()),
                    cell(results.stream().map(LedgerExport::describe).collect(Collectors.joining(" | "))));
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < headers.size(); i++) {
                row.put(headers.get(i), cells.get(i));
            }
            rows.add(row);
        }
        try {
            return CSV.writer(schema.build()).writeValueAsString(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ;} where the comma is the decimal sign (as spreadsheets of that language expect), {@code ,} otherwise. */
    static char separator(Locale locale) {
        return Languages.norwegianConventions(locale) ? ';' : ',';
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
