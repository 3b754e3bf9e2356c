package org.edurecords.ncp.competence;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The attributes each kind of credential really has, as the import format gives them and the store keeps them (JSON).
 * Texts a person reads are maps of language tag to text, as everywhere in the product.
 */
public final class CredentialDetails {

    private CredentialDetails() {
    }

    /**
     * One subject of an upper-secondary diploma.
     *
     * @param grade      a grade of the scale, or {@code exempt} on either (fritatt: the subject's requirement is met
     *                   without a grade)
     * @param scale      {@code 1-6} (the Norwegian grade scale) or {@code pass-fail}
     * @param assessment {@code overall} (standpunkt) or {@code exam}, written or oral
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String code, Map<String, String> title, String grade, String scale, Integer hours,
            String assessment) {

        /** The grade of a subject the learner was exempted from (fritatt), on either scale. */
        public static final String EXEMPT = "exempt";

        /** Exempted from the subject: its requirement is met without a grade. */
        public boolean exempt() {
            return grade != null && EXEMPT.equals(grade.strip());
        }
    }

    /** Upper-secondary diploma or certificate of competence: the programme and its subjects. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record UpperSecondary(Map<String, String> programme, List<Subject> subjects) {
    }

    /** Trade or journeyman certificate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Vocational(Map<String, String> trade, String examiningBoard, String county) {
    }

    /** One category of a licence (e.g. a driving licence's B), with its own validity and restrictions (codes). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LicenceCategory(String category, LocalDate validFrom, LocalDate validTo, List<String> restrictions) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Licence(List<LicenceCategory> categories) {
    }

    /** An authorisation or certification: the profession or scheme it is for. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Authorisation(Map<String, String> profession, String scheme) {
    }

    /**
     * A recognition decision on a foreign qualification.
     *
     * @param equivalence what it is recognised as, e.g. {@code bachelor}, {@code master}, {@code EQF 6}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Recognition(Map<String, String> foreignQualification, String foreignCountry,
            Map<String, String> decision, String equivalence, BigDecimal creditsGranted) {
    }

    /** The record type of a kind's details. */
    public static Class<?> typeOf(CredentialKind kind) {
        return switch (kind) {
            case UPPER_SECONDARY -> UpperSecondary.class;
            case VOCATIONAL -> Vocational.class;
            case LICENCE -> Licence.class;
            case AUTHORISATION -> Authorisation.class;
            case RECOGNITION -> Recognition.class;
        };
    }
}
