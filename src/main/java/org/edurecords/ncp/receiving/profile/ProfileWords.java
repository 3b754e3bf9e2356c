package org.edurecords.ncp.receiving.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.edurecords.ncp.receiving.profile.RequirementProfile.All;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Any;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Condition;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Credits;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Filters;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Grade;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Passed;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Qualification;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Selection;
import org.edurecords.ncp.results.LocalizedText;
import org.edurecords.ncp.web.Languages;
import org.edurecords.ncp.web.TextBundle;

/**
 * A profile in words, for the pages an applicant and a case handler read: its title and one item per condition,
 * {@code all} and {@code any} with their conditions nested. Texts from the bundle {@code profile}
 * ({@code messages/profile_<lang>.properties}).
 */
public final class ProfileWords {

    /** One line, with the lines below it (the conditions of an {@code all} or {@code any}). */
    public record Item(String text, List<Item> items) {
        public Item {
            items = List.copyOf(items);
        }
    }

    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final TextBundle texts;
    private final Locale locale;

    private ProfileWords(Locale locale) {
        this.locale = locale == null ? Languages.ENGLISH : locale;
        this.texts = TextBundle.of("profile", this.locale);
    }

    /** The profile's title in the reader's language, by the one fallback chain of every text. */
    public static String title(RequirementProfile profile, Locale locale) {
        return LocalizedText.fromMap(profile.title()).in(locale == null ? Languages.ENGLISH : locale);
    }

    /** The profile's condition in words: one item, nested as the profile is. */
    public static List<Item> describe(RequirementProfile profile, Locale locale) {
        return List.of(new ProfileWords(locale).item(profile.require()));
    }

    private Item item(Condition condition) {
        if (condition instanceof All all) {
            return new Item(texts.get("profile_all"), all.conditions().stream().map(this::item).toList());
        }
        if (condition instanceof Any any) {
            return new Item(texts.get("profile_any"), any.conditions().stream().map(this::item).toList());
        }
        if (condition instanceof Qualification q) {
            String text = q.minEqfLevel() == null ? texts.get("profile_qualification")
                    : texts.get("profile_qualification_eqf", "level", q.minEqfLevel());
            return leaf(text, q.filters());
        }
        if (condition instanceof Credits c) {
            StringBuilder text = new StringBuilder(texts.get("profile_credits", "count", number(c.atLeast()),
                    "scheme", c.scheme()));
            List<String> scopes = new ArrayList<>();
            if (!c.iscedCodes().isEmpty()) {
                scopes.add(texts.get("profile_credits_isced", "isced", String.join(", ", c.iscedCodes())));
            }
            if (!c.courseCodes().isEmpty()) {
                scopes.add(texts.get("profile_credits_courses", "codes", String.join(", ", c.courseCodes())));
            }
            if (!scopes.isEmpty()) {
                text.append(' ').append(String.join(" " + texts.get("profile_or") + " ", scopes));
            }
            return leaf(text.toString(), c.filters());
        }
        if (condition instanceof Passed p) {
            String selection = selection(p.selection());
            String text = p.minCount() == 1 ? texts.get("profile_passed_one", "selection", selection)
                    : texts.get("profile_passed_many", "count", p.minCount(), "selection", selection);
            return leaf(text, p.filters());
        }
        if (condition instanceof RequirementProfile.Credential k) {
            return credential(k);
        }
        Grade g = (Grade) condition;
        String selection = selection(g.selection());
        GradeScales.Threshold threshold = GradeScales.threshold(g.atLeast()).orElse(null);
        boolean anyPass = threshold != null && threshold.anyPass();
        String grade = threshold == null ? g.atLeast() : threshold.label();
        String text;
        if (anyPass) {
            text = g.minCount() == 1 ? texts.get("profile_grade_pass_one", "selection", selection)
                    : texts.get("profile_grade_pass_many", "count", g.minCount(), "selection", selection);
        } else {
            text = g.minCount() == 1 ? texts.get("profile_grade_one", "grade", grade, "selection", selection)
                    : texts.get("profile_grade_many", "grade", grade, "count", g.minCount(), "selection",
                            selection);
        }
        return leaf(text, g.filters());
    }

    /** "A valid authorisation (as «helsefagarbeider»; scheme HPR; issued in NO)". */
    private Item credential(RequirementProfile.Credential k) {
        List<String> parts = new ArrayList<>();
        if (k.licenceCategory() != null) {
            parts.add(texts.get("profile_credential_category", "category", k.licenceCategory()));
        }
        if (k.profession() != null) {
            parts.add(texts.get("profile_credential_profession", "profession", "«" + k.profession().pattern() + "»"));
        }
        if (k.scheme() != null) {
            parts.add(texts.get("profile_credential_scheme", "scheme", k.scheme()));
        }
        if (k.equivalence() != null) {
            parts.add(texts.get("profile_credential_equivalence", "equivalence", k.equivalence()));
        }
        if (k.issuerCountry() != null) {
            parts.add(texts.get("profile_filter_countries", "countries", k.issuerCountry()));
        }
        String text = texts.get("profile_credential_" + k.credentialKind().replace('-', '_'));
        return new Item(parts.isEmpty() ? text : text + " (" + String.join("; ", parts) + ")", List.of());
    }

    private Item leaf(String text, Filters filters) {
        if (filters.isEmpty()) {
            return new Item(text, List.of());
        }
        List<String> parts = new ArrayList<>();
        if (!filters.issuerCountries().isEmpty()) {
            parts.add(texts.get("profile_filter_countries", "countries",
                    String.join(", ", new java.util.TreeSet<>(filters.issuerCountries()))));
        }
        if (filters.issuerInRegistry()) {
            parts.add(texts.get("profile_filter_registry"));
        }
        if (filters.achievedFrom() != null && filters.achievedTo() != null) {
            parts.add(texts.get("profile_filter_between", "from", date(filters.achievedFrom()), "to",
                    date(filters.achievedTo())));
        } else if (filters.achievedFrom() != null) {
            parts.add(texts.get("profile_filter_from", "date", date(filters.achievedFrom())));
        } else if (filters.achievedTo() != null) {
            parts.add(texts.get("profile_filter_to", "date", date(filters.achievedTo())));
        }
        return new Item(text + " (" + String.join("; ", parts) + ")", List.of());
    }

    private String selection(Selection selection) {
        List<String> parts = new ArrayList<>();
        if (!selection.codes().isEmpty()) {
            parts.add(texts.get("profile_selection_codes", "codes", String.join(", ", selection.codes())));
        }
        if (!selection.titlePatterns().isEmpty()) {
            parts.add(texts.get("profile_selection_titles", "patterns", String.join(", ",
                    selection.titlePatterns().stream().map(Pattern::pattern).map(p -> "«" + p + "»").toList())));
        }
        return String.join(" " + texts.get("profile_or") + " ", parts);
    }

    private String number(BigDecimal value) {
        String plain = value.stripTrailingZeros().toPlainString();
        return Languages.norwegianConventions(locale) ? plain.replace('.', ',') : plain;
    }

    private String date(LocalDate date) {
        return Languages.norwegianConventions(locale) ? NORWEGIAN_DATE.format(date) : date.toString();
    }
}
