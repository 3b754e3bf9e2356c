package org.edurecords.ncp.receiving.profile;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a receiver requires of an applicant's results, as configured in a profile file (docs/receivers.md,
 * "Requirement profiles"). Read and checked by {@link ProfileParser}; evaluated by {@link ProfileEvaluator}.
 *
 * @param id        the profile's name, lower case letters, digits and dashes
 * @param version   1, 2, ...: a receiver may keep several versions, the latest is the default
 * @param receivers the receivers that may use it; {@code *} for every receiver
 * @param title     per language tag
 * @param require   the condition the results must meet
 * @param source    the file it was read from, for messages
 */
public record RequirementProfile(String id, int version, List<String> receivers, Map<String, String> title,
        Condition require, String source) {

    public RequirementProfile {
        receivers = List.copyOf(receivers);
        title = Map.copyOf(title);
    }

    /** Whether this receiver may use the profile. */
    public boolean isFor(String receiverId) {
        return receivers.contains("*") || receivers.contains(receiverId);
    }

    /** One condition: a kind, or all / any of a list of conditions. */
    public sealed interface Condition {
        /**
         * The JSON key: {@code all}, {@code any}, {@code qualification}, {@code credits}, {@code passed},
         * {@code grade}, {@code credential}.
         */
        String kind();
    }

    /** Met when every one of the conditions is met. */
    public record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String kind() {
            return "all";
        }
    }

    /** Met when at least one of the conditions is met. */
    public record Any(List<Condition> conditions) implements Condition {
        public Any {
            conditions = List.copyOf(conditions);
        }

        @Override
        public String kind() {
            return "any";
        }
    }

    /** A completed qualification at an EQF level of at least {@code minEqfLevel} (null: any level). */
    public record Qualification(Integer minEqfLevel, Filters filters) implements Condition {
        @Override
        public String kind() {
            return "qualification";
        }
    }

    /**
     * At least {@code atLeast} credits of a scheme from passed results, from all results or only those whose ISCED-F
     * code starts with one of {@code iscedCodes} or whose code is one of {@code courseCodes} (both empty: all).
     */
    public record Credits(BigDecimal atLeast, String scheme, List<String> iscedCodes, List<String> courseCodes,
            Filters filters) implements Condition {
        public Credits {
            iscedCodes = List.copyOf(iscedCodes);
            courseCodes = List.copyOf(courseCodes);
        }

        @Override
        public String kind() {
            return "credits";
        }
    }

    /** At least {@code minCount} passed results among those selected by code or title. */
    public record Passed(Selection selection, int minCount, Filters filters) implements Condition {
        @Override
        public String kind() {
            return "passed";
        }
    }

    /**
     * At least {@code minCount} of the results selected by code or title have a grade of at least {@code atLeast}
     * on a known scale ({@link GradeScales}).
     */
    public record Grade(Selection selection, String atLeast, int minCount, Filters filters) implements Condition {
        @Override
        public String kind() {
            return "grade";
        }
    }

    /**
     * A credential of a kind that stands on the day of the evaluation (docs/receivers.md, "Credentials"), with the
     * optional filters that apply to its kind; null: no filter.
     *
     * @param credentialKind  {@code licence}, {@code authorisation}, {@code recognition}, {@code upper-secondary},
     *                        {@code vocational}
     * @param licenceCategory licences: a category valid on the day (without case)
     * @param profession      authorisations: matched (found anywhere, without case) in the title or the profession,
     *                        in any language
     * @param scheme          authorisations: the scheme (without case), e.g. {@code HPR}
     * @param equivalence     recognition decisions: the equivalence (without case), e.g. {@code master}
     * @param issuerCountry   the issuer's country, ISO 3166-1 alpha-2 in capitals
     */
    public record Credential(String credentialKind, String licenceCategory, Pattern profession, String scheme,
            String equivalence, String issuerCountry) implements Condition {
        public static final List<String> KINDS = List.of("licence", "authorisation", "recognition",
                "upper-secondary", "vocational");

        @Override
        public String kind() {
            return "credential";
        }
    }

    /** Results by their code (exactly) or by a title in any language (regular expressions, without case). */
    public record Selection(List<String> codes, List<Pattern> titlePatterns) {
        public Selection {
            codes = List.copyOf(codes);
            titlePatterns = List.copyOf(titlePatterns);
        }
    }

    /**
     * Filters every kind may carry; null or empty: no filter.
     *
     * @param issuerCountries  ISO 3166-1 alpha-2 codes of the issuer's country (upper case)
     * @param issuerInRegistry true: the issuer's SCHAC code or a name is in the set the caller gives
     * @param achievedFrom     the result's date is on or after
     * @param achievedTo       the result's date is on or before
     */
    public record Filters(Set<String> issuerCountries, boolean issuerInRegistry, LocalDate achievedFrom,
            LocalDate achievedTo) {
        public static final Filters NONE = new Filters(Set.of(), false, null, null);

        public Filters {
            issuerCountries = Set.copyOf(issuerCountries);
        }

        public boolean isEmpty() {
            return issuerCountries.isEmpty() && !issuerInRegistry && achievedFrom == null && achievedTo == null;
        }
    }
}
