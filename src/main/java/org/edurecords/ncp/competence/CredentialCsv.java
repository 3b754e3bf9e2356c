package org.edurecords.ncp.competence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.edurecords.ncp.web.CsvTable;
import org.edurecords.ncp.web.CsvTable.Row;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The tabular import format of credentials (docs/competence.md), as a register exports it from a spreadsheet: rows
 * of one credential share its {@code source_key}; a diploma has a row per subject, a licence a row per category, the
 * other kinds one row. Comma or semicolon separated (the separator of the header line wins), UTF-8 with or without a
 * byte order mark. The rows become entries of the JSON format, so that both formats share one validation and one
 * store; problems name the rows.
 */
final class CredentialCsv {

    /** The whole body cannot be read as this format. */
    static final class UnreadableCsvException extends Exception {
        private static final long serialVersionUID = 1L;

        UnreadableCsvException(String message) {
            super(message);
        }
    }

    static final List<String> REQUIRED = List.of("source_key", "national_identifier", "kind", "issuer_name");
    /** Columns of the credential: one value per credential, given on its first row (or repeated the same). */
    private static final List<String> CREDENTIAL = List.of("source_key", "national_identifier", "kind", "given_names",
            "family_name", "birth_date", "issuer_name", "issuer_country", "issuer_id", "issued_on", "number",
            "valid_from", "valid_to", "status", "status_since", "status_reason", "examining_board", "county", "scheme",
            "foreign_country", "equivalence", "credits_granted");
    /** Columns of a row of a credential's table: a diploma's subject, a licence's category. */
    private static final List<String> ROW = List.of("subject_code", "grade", "scale", "hours", "assessment", "category",
            "category_valid_from", "category_valid_to", "restrictions");
    /** Texts by language: {@code title_nb}, {@code subject_title_en}, {@code decision_se}. */
    private static final Pattern TEXT = Pattern.compile(
            "(title|programme|subject_title|trade|profession|foreign_qualification|decision)_([a-z]{2,3})");

    private CredentialCsv() {
    }

    /** The cells {@code <base>_<language>} of a row, by language. */
    private static Map<String, String> texts(Row row, String base) {
        Map<String, String> texts = new LinkedHashMap<>();
        row.cells().forEach((column, value) -> {
            Matcher m = TEXT.matcher(column);
            if (m.matches() && m.group(1).equals(base) && value != null && !value.isBlank()) {
                texts.put(m.group(2), value.strip());
            }
        });
        return texts;
    }

    static List<CredentialImports.Labelled> parse(byte[] body, ObjectMapper json) throws UnreadableCsvException {
        CsvTable table;
        try {
            table = CsvTable.read(body);
        } catch (CsvTable.UnreadableException e) {
            throw new UnreadableCsvException(e.getMessage());
        }
        Set<String> columns = table.columns();
        List<Map<String, String>> cells = table.rows();
        List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableCsvException("The header lacks the required columns " + missing);
        }
        List<String> unknown = columns.stream().filter(c -> !CREDENTIAL.contains(c) && !ROW.contains(c)
                && !TEXT.matcher(c).matches()).toList();
        if (!unknown.isEmpty()) {
            // A misspelt column would silently drop data: refuse instead.
            throw new UnreadableCsvException("Unknown columns " + unknown + "; see docs/competence.md for the columns");
        }
        if (cells.isEmpty()) {
            throw new UnreadableCsvException("The CSV has a header but no rows");
        }
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        List<CredentialImports.Labelled> out = new ArrayList<>();
        for (Row row : table.numberedRows()) {
            String key = row.value("source_key");
            if (key == null) {
                out.add(new CredentialImports.Labelled("row " + row.number(), null,
                        List.of("row " + row.number() + ": source_key is required")));
                continue;
            }
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        byKey.forEach((key, rows) -> out.add(credential(key, rows, json)));
        return out;
    }

    private static CredentialImports.Labelled credential(String key, List<Row> rows, ObjectMapper json) {
        List<String> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        for (String column : CREDENTIAL) {
            values.put(column, same(rows, column, problems));
        }
        Map<String, Map<String, String>> texts = new LinkedHashMap<>();
        for (String base : List.of("title", "programme", "trade", "profession", "foreign_qualification", "decision")) {
            texts.put(base, sameTexts(rows, base, problems));
        }
        String label = (rows.size() == 1 ? "row " + rows.get(0).number()
                : "rows " + rows.get(0).number() + "-" + rows.get(rows.size() - 1).number()) + " (" + key + ")";
        CredentialKind kind = CredentialKind.of(values.get("kind")).orElse(null);
        ObjectNode details = json.createObjectNode();
        if (kind != null) {
            switch (kind) {
                case UPPER_SECONDARY -> {
                    texts(details, "programme", texts.get("programme"), json);
                    ArrayNode subjects = details.putArray("subjects");
                    for (Row row : rows) {
                        ObjectNode subject = subjects.addObject();
                        put(subject, "code", row.value("subject_code"));
                        texts(subject, "title", texts(row, "subject_title"), json);
                        put(subject, "grade", row.value("grade"));
                        put(subject, "scale", row.value("scale"));
                        if (row.value("hours") != null) {
                            try {
                                subject.put("hours", Integer.parseInt(row.value("hours")));
                            } catch (NumberFormatException e) {
                                problems.add("row " + row.number() + ": hours is not a whole number");
                            }
                        }
                        put(subject, "assessment", row.value("assessment"));
                    }
                }
                case VOCATIONAL -> {
                    texts(details, "trade", texts.get("trade"), json);
                    put(details, "examiningBoard", values.get("examining_board"));
                    put(details, "county", values.get("county"));
                }
                case LICENCE -> {
                    ArrayNode categories = details.putArray("categories");
                    for (Row row : rows) {
                        ObjectNode category = categories.addObject();
                        put(category, "category", row.value("category"));
                        put(category, "validFrom", date(row, "category_valid_from", problems));
                        put(category, "validTo", date(row, "category_valid_to", problems));
                        if (row.value("restrictions") != null) {
                            ArrayNode restrictions = category.putArray("restrictions");
                            for (String code : row.value("restrictions").split("[ |]+")) {
                                restrictions.add(code);
                            }
                        }
                    }
                }
                case AUTHORISATION -> {
                    texts(details, "profession", texts.get("profession"), json);
                    put(details, "scheme", values.get("scheme"));
                }
                case RECOGNITION -> {
                    texts(details, "foreignQualification", texts.get("foreign_qualification"), json);
                    put(details, "foreignCountry", values.get("foreign_country"));
                    texts(details, "decision", texts.get("decision"), json);
                    put(details, "equivalence", values.get("equivalence"));
                    if (values.get("credits_granted") != null) {
                        try {
                            details.put("creditsGranted", new BigDecimal(values.get("credits_granted").replace(',', '.')));
                        } catch (NumberFormatException e) {
                            problems.add(label + ": credits_granted is not a number");
                        }
                    }
                }
            }
            if (!kind.equals(CredentialKind.UPPER_SECONDARY) && !kind.equals(CredentialKind.LICENCE) && rows.size() > 1) {
                problems.add(label + ": a " + kind.word() + " credential has one row");
            }
        }
        Row first = rows.get(0);
        CredentialImports.Entry entry = new CredentialImports.Entry(key, values.get("national_identifier"),
                values.get("given_names"), values.get("family_name"), date(first, values.get("birth_date"), "birth_date",
                        problems), values.get("kind"), texts.get("title"),
                new CredentialImports.Issuer(values.get("issuer_name"), values.get("issuer_country"),
                        values.get("issuer_id")),
                date(first, values.get("issued_on"), "issued_on", problems), values.get("number"),
                date(first, values.get("valid_from"), "valid_from", problems),
                date(first, values.get("valid_to"), "valid_to", problems), values.get("status"),
                date(first, values.get("status_since"), "status_since", problems), values.get("status_reason"),
                details);
        return new CredentialImports.Labelled(label, entry, problems);
    }

    private static String same(List<Row> rows, String column, List<String> problems) {
        return CsvTable.same(rows, column, "this credential", problems);
    }

    private static Map<String, String> sameTexts(List<Row> rows, String base, List<String> problems) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Row row : rows) {
            texts(row, base).forEach((lang, text) -> {
                String earlier = texts.putIfAbsent(lang, text);
                if (earlier != null && !earlier.equals(text)) {
                    problems.add("row " + row.number() + ": " + base + "_" + lang + " differs from an earlier row");
                }
            });
        }
        return texts;
    }

    private static void texts(ObjectNode node, String field, Map<String, String> texts, ObjectMapper json) {
        if (texts != null && !texts.isEmpty()) {
            node.set(field, json.valueToTree(texts));
        }
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String date(Row row, String column, List<String> problems) {
        LocalDate date = date(row, row.value(column), column, problems);
        return date == null ? null : date.toString();
    }

    private static LocalDate date(Row row, String value, String column, List<String> problems) {
        return CsvTable.date(row, value, column, problems);
    }
}
