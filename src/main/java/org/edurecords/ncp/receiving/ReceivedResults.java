package org.edurecords.ncp.receiving;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What a receiver gets instead of a document: the verified results of one answer, in one shape whatever NCP sent
 * them. It is the JSON of {@code GET /api/receiver/requests/{id}} and of the webhook, and what requirement profiles
 * are evaluated over. Texts keep every language the source gave ({@code titles}: language tag → text).
 *
 * @param learner      the person as the document names them
 * @param institutions one per ELMO report: each issuer with its results
 * @param totals       over every institution
 * @param attachments  the documents' attachments (the PDF transcript among them), described, not embedded
 */
public record ReceivedResults(Person learner, List<Institution> institutions, Totals totals,
        List<Attachment> attachments) {

    public ReceivedResults {
        institutions = List.copyOf(institutions);
        attachments = List.copyOf(attachments);
    }

    /** The learner: names, birth date ({@code YYYY-MM-DD}), citizenship (ISO 3166-1 alpha-2) and identifiers. */
    public record Person(String givenNames, String familyName, String birthDate, String citizenship,
            List<Identifier> identifiers) {
        public Person {
            identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
        }
    }

    /** An identifier with its type as ELMO gives it ({@code nationalIdentifier}, {@code schac}, {@code local}...). */
    public record Identifier(String type, String value) {
    }

    /**
     * One issuer and what it reports.
     *
     * @param names      the issuer's name per language
     * @param schac      its SCHAC code, when given
     * @param country    ISO 3166-1 alpha-2, when given
     * @param issueDate  when the report was issued (ISO 8601 as in the document)
     * @param results    depth-first: a result's parts follow it, {@link LearningResult#parentId()} points up
     */
    public record Institution(Map<String, String> names, String schac, String country, String issueDate,
            List<GradingScheme> gradingSchemes, List<LearningResult> results, Totals totals) {
        public Institution {
            names = Map.copyOf(names);
            gradingSchemes = List.copyOf(gradingSchemes);
            results = List.copyOf(results);
        }
    }

    /** A grading scheme the report declares: its local id and description per language. */
    public record GradingScheme(String id, Map<String, String> descriptions) {
        public GradingScheme {
            descriptions = Map.copyOf(descriptions);
        }
    }

    /**
     * One learning opportunity with its result.
     *
     * @param id        unique within the answer (institution index and position), for verdicts to point at
     * @param parentId  the result this one is a part of, null at the top
     * @param type      the ELMO type: {@code Degree Programme}, {@code Module}, {@code Course}, ...
     * @param code      the institution's own code ({@code local} identifier)
     * @param titles    title per language
     * @param date      when it was achieved ({@code YYYY-MM-DD}, null when not given)
     * @param status    {@code passed}, {@code failed}, {@code in-progress}, ... ; null when the source gives none
     * @param eqfLevel  the EQF level of the instance, null when not given
     * @param iscedCode ISCED-F 2013 code of the specification, null when not given
     */
    public record LearningResult(String id, String parentId, int depth, String type, String code,
            Map<String, String> titles, String date, String status, Grade grade, List<Credit> credits,
            Integer eqfLevel, String iscedCode) {
        public LearningResult {
            titles = Map.copyOf(titles);
            credits = List.copyOf(credits);
        }
    }

    /**
     * A grade: the label as given, and its scheme ({@code schemeId} the report's grading scheme, or null).
     */
    public record Grade(String label, String schemeId) {
    }

    /** Credits in a scheme ({@code ECTS} and others, as written), with the level the source gives. */
    public record Credit(String scheme, BigDecimal value, String level) {
    }

    /** How many results, how many passed, and ECTS credits of the top-level results (never counted twice). */
    public record Totals(int results, int passed, BigDecimal ects) {
    }

    /** An attachment: type, title, media type and size; {@code pdf} when its bytes really are a PDF. */
    public record Attachment(String type, String title, String mediaType, long bytes, boolean pdf) {
    }
}
