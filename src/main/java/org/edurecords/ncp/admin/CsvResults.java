package org.edurecords.ncp.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;


import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.web.CsvTable;
import org.edurecords.ncp.web.CsvTable.Row;

/**
 * The tabular import format: one row per result, as a registry exports it from a spreadsheet or a student
 * system. Rows of one learner share a national identifier; {@code parent_code} places a result inside
 * another result of the same learner, so any depth is possible. Comma or semicolon separated (the
 * separator of the header line wins), UTF-8 with or without a byte order mark. The rows are turned into
 * the JSON format's {@link ImportFormat.LearnerEntry} so both formats share one validation and one store.
 */
final class CsvResults {

    static final List<String> REQUIRED = List.of("national_identifier", "code", "type", "status");
    static final List<String> OPTIONAL = List.of("given_names", "family_name", "birth_date", "citizenship",
            "parent_code", "start", "date", "grade", "credits", "grading_scheme", "language", "feide", "eppn", "esi");
    /** Titles and grading scheme descriptions in any language: {@code title_en}, {@code title_nn}, {@code grading_scheme_se}. */
    private static final java.util.regex.Pattern TEXT_COLUMN = java.util.regex.Pattern.compile(
            "(title|grading_scheme)_([a-z]{2,3})");

    /** The whole file cannot be read as this format. */
    static final class UnreadableCsvException extends Exception {
        UnreadableCsvException(String message) {
            super(message);
        }
    }

    /** One learner's rows as an entry of the JSON format, or the problems that keep it from being one. */
    record LearnerRows(String nationalIdentifier, ImportFormat.LearnerEntry entry, List<String> problems) {
    }

    record Parsed(List<ImportFormat.Scheme> gradingSchemes, List<LearnerRows> learners) {
    }

    private CsvResults() {
    }

    static Parsed parse(byte[] body) throws UnreadableCsvException {
        CsvTable table;
        try {
            table = CsvTable.read(body);
        } catch (CsvTable.UnreadableException e) {
            throw new UnreadableCsvException(e.getMessage());
        }
        Set<String> columns = table.columns();
        List<Map<String, String>> rows = table.rows();
        checkColumns(columns);
        if (rows.isEmpty()) {
            throw new UnreadableCsvException("The CSV has a header but no rows");
        }
        Map<String, List<Row>> byLearner = new LinkedHashMap<>();
        Map<String, ImportFormat.Scheme> schemes = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = new Row(i + 2, rows.get(i));
            byLearner.computeIfAbsent(row.value("national_identifier"), k -> new ArrayList<>()).add(row);
            String scheme = row.value("grading_scheme");
            LocalizedText description = texts(row, "grading_scheme");
            if (scheme != null && !description.isEmpty()) {
                schemes.putIfAbsent(scheme, new ImportFormat.Scheme(scheme, description));
            }
        }
        List<LearnerRows> learners = new ArrayList<>();
        byLearner.forEach((nin, learnerRows) -> learners.add(learner(nin, learnerRows)));
        return new Parsed(List.copyOf(schemes.values()), learners);
    }

    private static void checkColumns(Set<String> columns) throws UnreadableCsvException {
        List<String> missing = REQUIRED.stream().filter(c -> !columns.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new UnreadableCsvException("The header lacks the required columns " + missing);
        }
        if (columns.stream().noneMatch(c -> c.startsWith("title_") && TEXT_COLUMN.matcher(c).matches())) {
            throw new UnreadableCsvException("The header has no title column (title_en, title_nb, title_nn, title_se, ...)");
        }
        List<String> unknown = columns.stream().filter(c -> !REQUIRED.contains(c) && !OPTIONAL.contains(c)
                && !TEXT_COLUMN.matcher(c).matches()).toList();
        if (!unknown.isEmpty()) {
            // A misspelt optional column would silently drop data: refuse instead.
            throw new UnreadableCsvException("Unknown columns " + unknown + "; known: " + REQUIRED + ", " + OPTIONAL
                    + ", title_<language> and grading_scheme_<language>");
        }
    }

    private static LearnerRows learner(String nin, List<Row> rows) {
        List<String> problems = new ArrayList<>();
        String givenNames = same(rows, "given_names", problems);
        String familyName = same(rows, "family_name", problems);
        LocalDate birthDate = date(rows.get(0), same(rows, "birth_date", problems), "birth_date", problems);
        String citizenship = same(rows, "citizenship", problems);
        List<ImportFormat.LearnerId> identifiers = new ArrayList<>();
        for (String scheme : List.of("feide", "eppn", "esi")) {
            String value = same(rows, scheme, problems);
            if (value != null) {
                identifiers.add(new ImportFormat.LearnerId(scheme, value));
            }
        }
        Map<String, Row> byCode = new LinkedHashMap<>();
        for (Row row : rows) {
            String code = row.value("code");
            if (code != null && byCode.putIfAbsent(code, row) != null) {
                problems.add("row " + row.number() + ": code " + code + " appears twice for this learner");
            }
        }
        for (Row row : rows) {
            String parent = row.value("parent_code");
            if (parent != null && !byCode.containsKey(parent)) {
                problems.add("row " + row.number() + ": parent_code " + parent + " is not a code of this learner");
            } else if (parent != null && inCycle(row, byCode)) {
                problems.add("row " + row.number() + ": parent_code makes a cycle");
            }
        }
        List<ImportFormat.Result> roots = new ArrayList<>();
        if (problems.isEmpty()) {
            for (Row row : rows) {
                if (row.value("parent_code") == null) {
                    roots.add(result(row, rows, problems));
                }
            }
        }
        ImportFormat.LearnerEntry entry = new ImportFormat.LearnerEntry(nin, givenNames, familyName, birthDate,
                citizenship, roots, identifiers.isEmpty() ? null : identifiers);
        return new LearnerRows(nin, entry, problems);
    }

    private static ImportFormat.Result result(Row row, List<Row> rows, List<String> problems) {
        List<ImportFormat.Result> parts = new ArrayList<>();
        for (Row candidate : rows) {
            if (row.value("code").equals(candidate.value("parent_code"))) {
                parts.add(result(candidate, rows, problems));
            }
        }
        return new ImportFormat.Result(row.value("code"), row.value("type"), null, null, texts(row, "title").asMap(),
                date(row, row.value("start"), "start", problems),
                date(row, row.value("date"), "date", problems), row.value("status"), row.value("grade"),
                credits(row, problems), row.value("grading_scheme"), row.value("language"),
                parts.isEmpty() ? null : parts);
    }

    private static boolean inCycle(Row start, Map<String, Row> byCode) {
        Set<String> seen = new HashSet<>();
        Row current = start;
        while (current != null && current.value("parent_code") != null) {
            if (!seen.add(current.value("code"))) {
                return true;
            }
            current = byCode.get(current.value("parent_code"));
        }
        return false;
    }

    private static String same(List<Row> rows, String column, List<String> problems) {
        return CsvTable.same(rows, column, "this learner", problems);
    }

    private static LocalDate date(Row row, String value, String column, List<String> problems) {
        return CsvTable.date(row, value, column, problems);
    }

    /** Credits as 7.5 or, from a Norwegian spreadsheet, 7,5. */
    private static BigDecimal credits(Row row, List<String> problems) {
        String value = row.value("credits");
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException e) {
            problems.add("row " + row.number() + ": credits is not a number");
            return null;
        }
    }

    /** The cells {@code <prefix>_<language>} of a row as one text, English first, then in column order. */
    private static LocalizedText texts(Row row, String prefix) {
        List<LangText> texts = new ArrayList<>();
        texts.add(new LangText("en", row.value(prefix + "_en")));
        for (String column : row.cells().keySet()) {
            java.util.regex.Matcher m = TEXT_COLUMN.matcher(column);
            if (m.matches() && m.group(1).equals(prefix)) {
                texts.add(new LangText(m.group(2), row.value(column)));
            }
        }
        return new LocalizedText(texts);
    }
}
