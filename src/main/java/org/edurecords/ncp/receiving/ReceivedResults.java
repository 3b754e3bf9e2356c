package org.edurecords.ncp.receiving;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a receiver gets instead of a document: the verified results of one answer, in one shape whatever NCP sent
 * them. It is the JSON of {@code GET /api/receiver/requests/{id}} and of the webhook, and what requirement profiles
 * are evaluated over. Texts keep every language the source gave ({@code titles}: language tag → text).
 *
 * @param learner      the person as the document names them
 * @param institutions one per ELMO report: each issuer with its results
 * @param totals       over every institution
 * @param attachments  the documents' attachments (the PDF transcript among them), described, not embedded
 * @param credentials  the credentials of the answers' competence evidence (licences, authorisations, recognition
 *                     decisions, diplomas; docs/competence.md), in the order the evidence lists them
 */
public record ReceivedResults(Person learner, List<Institution> institutions, Totals totals,
        List<Attachment> attachments, List<Credential> credentials) {

    public ReceivedResults {
        institutions = List.copyOf(institutions);
        attachments = List.copyOf(attachments);
        // Results stored before credentials were received have none.
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
    }

    /** Results of an ELMO document alone. */
    public ReceivedResults(Person learner, List<Institution> institutions, Totals totals, List<Attachment> attachments) {
        this(learner, institutions, totals, attachments, List.of());
    }

    /** The same results with these credentials. */
    public ReceivedResults withCredentials(List<Credential> more) {
        return new ReceivedResults(learner, institutions, totals, attachments, more);
    }

    /**
     * One credential of competence evidence (format {@code competence} 1.0), as the provider stated it on the day of
     * the evidence. Dates are {@code YYYY-MM-DD}.
     *
     * @param id          unique within the request ({@code c1}, {@code c2}, ...; {@code a2.c1} for a later answer),
     *                    for verdicts to point at
     * @param providerId  the provider's own id of the credential
     * @param kind        {@code upper-secondary}, {@code vocational}, {@code licence}, {@code authorisation},
     *                    {@code recognition}
     * @param titles      title per language
     * @param status      {@code valid}, {@code suspended}, {@code revoked} or {@code expired} on the day of the evidence
     * @param history     every status it has had
     * @param details     the kind's own attributes, as the evidence gives them (a licence's categories, an
     *                    authorisation's profession, a decision's equivalence, a diploma's subjects)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Credential(String id, String providerId, String kind, Map<String, String> titles,
            CredentialIssuer issuer, String issuedOn, String number, String validFrom, String validTo, String status,
            String statusSince, List<StatusChange> history, JsonNode details) {
        public Credential {
            titles = titles == null ? Map.of() : Map.copyOf(titles);
            history = history == null ? List.of() : List.copyOf(history);
        }

        Credential withId(String newId) {
            return new Credential(newId, providerId, kind, titles, issuer, issuedOn, number, validFrom, validTo, status,
                    statusSince, history, details);
        }
    }

    /** Who issued a credential: name, country (ISO 3166-1 alpha-2) and the issuer's own id, when given. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CredentialIssuer(String name, String country, String id) {
    }

    /** One status of a credential's history, from {@code since}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StatusChange(String status, String since, String reason) {
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
