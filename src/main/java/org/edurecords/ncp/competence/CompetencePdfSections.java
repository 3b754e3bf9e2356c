package org.edurecords.ncp.competence;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edurecords.ncp.pdf.TranscriptSection;
import org.edurecords.ncp.web.Formats;
import org.edurecords.ncp.web.TextBundle;

/**
 * Credentials as sections of the PDF transcript: one section per kind, in the order and with the facts, tables and
 * status words of the pages ({@link CompetenceViews}), the texts of the {@code comp} bundle. A diploma's subjects
 * also name their grade scale, which the page leaves to the grade itself.
 */
public final class CompetencePdfSections {

    private static final String SUBJECT = "comp_subject";
    private static final String GRADE = "comp_grade";

    private CompetencePdfSections() {
    }

    /**
     * @param day the day the statuses are of: the day the PDF is made (a share link's: the day the link was made)
     */
    public static List<TranscriptSection> of(List<Credential> credentials, LocalDate day, Locale locale) {
        TextBundle texts = TextBundle.of("comp", locale);
        Map<String, Credential> byId = new HashMap<>();
        credentials.forEach(c -> byId.put(c.id(), c));
        String statusNote = texts.get("comp_pdf_status_on", "date", Formats.date(day, locale));
        List<TranscriptSection> sections = new ArrayList<>();
        for (CompetenceViews.KindGroup group : CompetenceViews.group(credentials, day, locale)) {
            List<TranscriptSection.Entry> entries = new ArrayList<>();
            for (CompetenceViews.CredentialView view : group.credentials()) {
                entries.add(entry(view, byId.get(view.id()), texts));
            }
            // Only the kinds that can change after they were issued say on which day their status was read.
            boolean changes = !CredentialKind.of(group.kind()).orElseThrow().learningResult();
            sections.add(new TranscriptSection(texts.get(group.headingKey()), changes ? statusNote : null, entries));
        }
        return sections;
    }

    private static TranscriptSection.Entry entry(CompetenceViews.CredentialView view, Credential credential,
            TextBundle texts) {
        List<TranscriptSection.Fact> facts = new ArrayList<>();
        facts.add(new TranscriptSection.Fact(texts.get("comp_issuer"), view.issuer()));
        if (!view.issuedOn().isEmpty()) {
            facts.add(new TranscriptSection.Fact(texts.get("comp_issued_on"), view.issuedOn()));
        }
        view.facts().forEach(f -> facts.add(new TranscriptSection.Fact(texts.get(f.labelKey()), f.value())));
        TranscriptSection.Status status = null;
        if (view.statusKey() != null) {
            String word = texts.get(view.statusKey());
            status = new TranscriptSection.Status(texts.get("comp_status"), view.statusSince() == null ? word
                    : texts.get("comp_status_since", "status", word, "date", view.statusSince()), view.current());
        }
        return new TranscriptSection.Entry(view.title(), status, facts,
                view.table() == null ? null : table(view.table(), credential, texts));
    }

    private static TranscriptSection.Table table(CompetenceViews.Table table, Credential credential, TextBundle texts) {
        List<String> keys = new ArrayList<>(table.columnKeys());
        List<List<String>> rows = new ArrayList<>();
        for (List<CompetenceViews.Cell> row : table.rows()) {
            rows.add(new ArrayList<>(row.stream().map(cell -> cell.key() != null ? texts.get(cell.key()) : cell.text())
                    .toList()));
        }
        if (credential != null && credential.kind() == CredentialKind.UPPER_SECONDARY && keys.contains(GRADE)) {
            // The scale beside the grade: a "5" and a "Passed" are read differently by a reader abroad.
            int at = keys.indexOf(GRADE) + 1;
            keys.add(at, "comp_scale");
            List<CredentialDetails.Subject> subjects = credential.details(CredentialDetails.UpperSecondary.class)
                    .subjects();
            for (int i = 0; i < rows.size(); i++) {
                String scale = i < subjects.size() ? subjects.get(i).scale() : null;
                String key = scale == null ? null : "comp_scale_" + scale.strip().replace('-', '_');
                rows.get(i).add(at, key == null ? "" : texts.find(key) != null ? texts.get(key) : scale);
            }
        }
        int wide = keys.contains(SUBJECT) ? keys.indexOf(SUBJECT) : keys.size() - 1;
        return new TranscriptSection.Table(keys.stream().map(texts::get).toList(), rows, wide);
    }
}
