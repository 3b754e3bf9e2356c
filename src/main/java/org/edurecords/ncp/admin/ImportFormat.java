package org.edurecords.ncp.admin;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.edurecords.ncp.results.LangText;
import org.edurecords.ncp.results.LocalizedText;

/**
 * The JSON import format (docs/result-sources.md): one institution, its grading schemes, and for each
 * learner the complete tree of results at that institution. An import replaces what the store held for
 * that learner at that institution.
 */
public final class ImportFormat {

    private ImportFormat() {
    }

    @Schema(description = "Results of one institution for one or more learners")
    public record Batch(
            @Schema(description = "SCHAC code of the institution, as in the institution directory", example = "uio.no")
            String institution,
            List<Scheme> gradingSchemes,
            List<LearnerEntry> learners) {
    }

    public record Scheme(String localId,
            @Schema(description = "English description; the same as descriptions.en") String descriptionEn,
            @Schema(description = "Norwegian bokmål description; the same as descriptions.nb") String descriptionNb,
            @Schema(description = "Descriptions by language tag (BCP 47), any number of languages",
                    example = "{\"en\": \"A-F\", \"nn\": \"A-F\"}") Map<String, String> descriptions) {

        public Scheme(String localId, LocalizedText descriptions) {
            this(localId, null, null, descriptions.asMap());
        }

        /** Every description given, by whichever field. */
        public LocalizedText description() {
            return ImportFormat.texts(descriptionEn, descriptionNb, descriptions);
        }
    }

    public record LearnerEntry(
            @Schema(description = "National identity number; learners are matched on it", example = "17049812345")
            String nationalIdentifier,
            @Schema(description = "Needed only when the learner is not yet in the register") String givenNames,
            String familyName,
            LocalDate birthDate,
            @Schema(description = "ISO 3166-1 alpha-2", example = "NO") String citizenship,
            List<Result> results,
            @Schema(description = "Further identifiers a login may present (Feide id, eduPersonPrincipalName, ESI)")
            List<LearnerId> identifiers) {

        public LearnerEntry(String nationalIdentifier, String givenNames, String familyName, LocalDate birthDate,
                String citizenship, List<Result> results) {
            this(nationalIdentifier, givenNames, familyName, birthDate, citizenship, results, null);
        }
    }

    /** An identifier of the learner in another scheme; logins presenting it find this learner. */
    public record LearnerId(
            @Schema(enumeration = {"feide", "eppn", "esi"}) String scheme,
            @Schema(example = "anna@uio.no") String value) {
    }

    public record Result(
            @Schema(example = "IN1000") String code,
            @Schema(enumeration = {"Degree Programme", "Module", "Course", "Class"}) String type,
            @Schema(description = "English title; the same as titles.en") String titleEn,
            @Schema(description = "Norwegian bokmål title; the same as titles.nb") String titleNb,
            @Schema(description = "Titles by language tag (BCP 47), any number of languages; at least one title is required",
                    example = "{\"nb\": \"Matematikk\", \"nn\": \"Matematikk\", \"se\": \"Matematihkka\"}")
            Map<String, String> titles,
            LocalDate start,
            LocalDate date,
            @Schema(enumeration = {"passed", "failed", "in-progress"}) String status,
            String grade,
            BigDecimal credits,
            String gradingScheme,
            @Schema(description = "ISO 639-1", example = "no") String language,
            List<Result> parts) {

        /** Every title given, by whichever field. */
        public LocalizedText title() {
            return ImportFormat.texts(titleEn, titleNb, titles);
        }
    }

    /** The texts of the named English and bokmål fields and of the map, in that order; blank ones left out. */
    static LocalizedText texts(String english, String bokmal, Map<String, String> byLanguage) {
        List<LangText> all = new ArrayList<>();
        all.add(new LangText("en", english == null ? null : english.trim()));
        all.add(new LangText("nb", bokmal == null ? null : bokmal.trim()));
        if (byLanguage != null) {
            byLanguage.forEach((language, text) -> all.add(new LangText(language, text == null ? null : text.trim())));
        }
        return new LocalizedText(all);
    }
}
