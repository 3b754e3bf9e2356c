package org.edurecords.ncp.competence;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.TemplateData;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.web.Formats;

/**
 * A learner's credentials as the pages show them: grouped by kind, each credential with the facts and the table
 * its kind has (subjects of a diploma, categories of a licence), in the reader's language. Texts are message keys of
 * the {@code comp} bundle, resolved by the templates; values are formatted here, once for every page.
 */
@ApplicationScoped
public class CompetenceViews {

    /** One kind and its credentials; {@code headingKey} names the kind. */
    @TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
    public record KindGroup(String kind, String headingKey, List<CredentialView> credentials) {
    }

    /** A labelled value; the label is a message key. */
    @TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
    public record Fact(String labelKey, String value) {
    }

    /** A table of a credential: column labels (message keys) and rows of cells. */
    @TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
    public record Table(String captionKey, List<String> columnKeys, List<List<Cell>> rows) {
    }

    /** A cell: a formatted value, or a message key for a word (a grade "passed", an assessment). */
    @TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
    public record Cell(String text, String key) {
        static Cell of(String text) {
            return new Cell(text == null ? "" : text, null);
        }

        static Cell word(String key) {
            return new Cell("", key);
        }
    }

    /**
     * One credential.
     *
     * @param statusKey   the message key of its status on the day shown; null when there is nothing to say (a valid
     *                    diploma)
     * @param statusSince when that status began, formatted; null when unknown
     * @param current     whether the status is valid (the page marks the others)
     * @param sharedOn    on a share link: the day it was made, when the status shown is the status of that day
     * @param now         on a share link: the status as the register has it today; null elsewhere
     */
    @TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
    public record CredentialView(String id, String kind, String title, String issuer, String issuedOn,
            String statusKey, String statusSince, boolean current, List<Fact> facts, Table table, String sharedOn,
            Now now) {

        CredentialView withNow(String day, Now status) {
            return new CredentialView(id, kind, title, issuer, issuedOn, statusKey, statusSince,
                    current && (status == null || status.current()), facts, table, day, status);
        }
    }

    /**
     * A shared credential's status today: {@code gone} when the register no longer holds it, else its status with the
     * day it began; {@code changed} when that is not the status it had when shared.
     */
    @TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
    public record Now(String statusKey, String since, boolean gone, boolean changed, boolean current) {
    }

    @Inject
    Credentials credentials;

    @Inject
    Clock clock;

    /** The learner's credentials, grouped by kind in the order of {@link CredentialKind}; empty groups left out. */
    public List<KindGroup> of(long learnerId, Locale locale) {
        return group(credentials.of(learnerId), LocalDate.now(clock), locale);
    }

    public static List<KindGroup> group(List<Credential> all, LocalDate today, Locale locale) {
        Map<CredentialKind, List<CredentialView>> byKind = new LinkedHashMap<>();
        for (CredentialKind kind : CredentialKind.values()) {
            byKind.put(kind, new ArrayList<>());
        }
        for (Credential c : all) {
            byKind.get(c.kind()).add(view(c, today, locale));
        }
        List<KindGroup> groups = new ArrayList<>();
        byKind.forEach((kind, views) -> {
            if (!views.isEmpty()) {
                groups.add(new KindGroup(kind.word(), "comp_kind_" + kind.word().replace('-', '_'), views));
            }
        });
        return groups;
    }

    static CredentialView view(Credential c, LocalDate today, Locale locale) {
        List<Fact> facts = new ArrayList<>();
        Table table = null;
        switch (c.kind()) {
            case UPPER_SECONDARY -> {
                CredentialDetails.UpperSecondary d = c.details(CredentialDetails.UpperSecondary.class);
                fact(facts, "comp_programme", text(d.programme(), locale));
                List<List<Cell>> rows = new ArrayList<>();
                for (CredentialDetails.Subject s : d.subjects()) {
                    rows.add(List.of(Cell.of(s.code()), Cell.of(text(s.title(), locale)), grade(s),
                            Cell.of(s.hours() == null ? null : String.valueOf(s.hours())),
                            s.assessment() == null ? Cell.of(null)
                                    : Cell.word("comp_assessment_" + s.assessment().replace('-', '_'))));
                }
                table = new Table("comp_subjects_caption",
                        List.of("comp_subject_code", "comp_subject", "comp_grade", "comp_hours", "comp_assessment"), rows);
            }
            case VOCATIONAL -> {
                CredentialDetails.Vocational d = c.details(CredentialDetails.Vocational.class);
                fact(facts, "comp_trade", text(d.trade(), locale));
                fact(facts, "comp_examining_board", d.examiningBoard());
                fact(facts, "comp_county", d.county());
            }
            case LICENCE -> {
                CredentialDetails.Licence d = c.details(CredentialDetails.Licence.class);
                fact(facts, "comp_number", c.number());
                List<List<Cell>> rows = new ArrayList<>();
                for (CredentialDetails.LicenceCategory k : d.categories()) {
                    rows.add(List.of(Cell.of(k.category()), Cell.of(date(k.validFrom(), locale)),
                            Cell.of(date(k.validTo(), locale)),
                            Cell.of(k.restrictions() == null ? null : String.join(", ", k.restrictions()))));
                }
                table = new Table("comp_categories_caption",
                        List.of("comp_category", "comp_valid_from", "comp_valid_to", "comp_restrictions"), rows);
            }
            case AUTHORISATION -> {
                CredentialDetails.Authorisation d = c.details(CredentialDetails.Authorisation.class);
                fact(facts, "comp_profession", text(d.profession(), locale));
                fact(facts, "comp_scheme", d.scheme());
                fact(facts, "comp_number", c.number());
            }
            case RECOGNITION -> {
                CredentialDetails.Recognition d = c.details(CredentialDetails.Recognition.class);
                fact(facts, "comp_foreign_qualification", text(d.foreignQualification(), locale));
                fact(facts, "comp_foreign_country", d.foreignCountry() == null ? null
                        : new Locale("", d.foreignCountry()).getDisplayCountry(locale));
                fact(facts, "comp_decision", text(d.decision(), locale));
                fact(facts, "comp_equivalence", d.equivalence());
                fact(facts, "comp_credits_granted", d.creditsGranted() == null ? null
                        : Formats.credits(d.creditsGranted(), locale));
                fact(facts, "comp_number", c.number());
            }
        }
        fact(facts, "comp_valid_from", date(c.validFrom(), locale));
        fact(facts, "comp_valid_to", date(c.validTo(), locale));
        CredentialStatus status = c.statusOn(today);
        // A diploma has no status to speak of while it stands; a licence or authorisation always says where it stands.
        boolean speaks = status != CredentialStatus.VALID || !c.kind().learningResult();
        String issuer = c.issuerName() + (c.issuerCountry() == null || "NO".equals(c.issuerCountry()) ? ""
                : " (" + c.issuerCountry() + ")");
        return new CredentialView(c.id(), c.kind().word(), nz(c.title().in(locale)), issuer, date(c.issuedOn(), locale),
                speaks ? "comp_status_" + status.word() : null,
                speaks && c.statusSinceOn(today) != null ? date(c.statusSinceOn(today), locale) : null,
                status == CredentialStatus.VALID, facts, table, null, null);
    }

    /**
     * The credentials of a share link as they were when it was made, each that can change (a licence, an
     * authorisation, a decision) with its status as it is today beside it: the snapshot is never shown as current.
     */
    public List<KindGroup> shared(CompetenceEvidence evidence, Locale locale) {
        LocalDate sharedOn = LocalDate.ofInstant(evidence.issuedAt(), clock.getZone());
        LocalDate today = LocalDate.now(clock);
        String sharedDay = date(sharedOn, locale);
        List<KindGroup> groups = group(credentials.fromEvidence(evidence), sharedOn, locale);
        List<KindGroup> out = new ArrayList<>();
        for (KindGroup g : groups) {
            boolean changes = !CredentialKind.of(g.kind()).orElseThrow().learningResult();
            List<CredentialView> views = new ArrayList<>();
            for (CredentialView v : g.credentials()) {
                if (!changes) {
                    views.add(v.withNow(sharedDay, null));
                    continue;
                }
                Now now = credentials.byId(v.id()).map(c -> {
                    CredentialStatus status = c.statusOn(today);
                    String key = "comp_status_" + status.word();
                    return new Now(key, date(c.statusSinceOn(today), locale), false, !key.equals(v.statusKey()),
                            status == CredentialStatus.VALID);
                }).orElse(new Now(null, null, true, true, false));
                views.add(v.withNow(sharedDay, now));
            }
            out.add(new KindGroup(g.kind(), g.headingKey(), views));
        }
        return out;
    }

    private static Cell grade(CredentialDetails.Subject s) {
        if (s.grade() == null) {
            return Cell.of(null);
        }
        String word = Formats.gradeWordKey(s.grade(), s.scale() == null ? CredentialResults.SCALE_1_6 : s.scale());
        return word != null ? Cell.word(word) : Cell.of(s.grade().strip());
    }

    private static void fact(List<Fact> facts, String key, String value) {
        if (value != null && !value.isBlank()) {
            facts.add(new Fact(key, value));
        }
    }

    private static String text(Map<String, String> texts, Locale locale) {
        return texts == null || texts.isEmpty() ? null : LocalizedText.fromMap(texts).in(locale);
    }

    private static String date(LocalDate date, Locale locale) {
        return date == null ? "" : Formats.date(date, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
