package org.edurecords.ncp.receiving.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.edurecords.ncp.receiving.ReceivedResults;
import org.edurecords.ncp.receiving.ReceivedResults.Credit;
import org.edurecords.ncp.receiving.ReceivedResults.Grade;
import org.edurecords.ncp.receiving.ReceivedResults.GradingScheme;
import org.edurecords.ncp.receiving.ReceivedResults.Institution;
import org.edurecords.ncp.receiving.ReceivedResults.LearningResult;
import org.edurecords.ncp.receiving.ReceivedResults.Totals;
import org.edurecords.ncp.receiving.profile.Evaluation.ConditionVerdict;
import org.edurecords.ncp.receiving.profile.Evaluation.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each condition kind and filter, all/any by Kleene's rules and each outcome rule, as tables over one applicant:
 *
 * <pre>
 * UiO (NO, uio.no, letters A-F)        r1.1 B-IFI  Degree Programme EQF 6, no credits, 2020-06-15, ISCED 0613
 *                                       r1.2 IN1000  B   10 ECTS 2017-12-08 0613
 *                                       r1.3 IN2010  C   10 ECTS 2018-06-10 0613 (nb "Algoritmer og datastrukturer")
 *                                       r1.4 MAT1100 F   10 ECTS failed      0541
 *                                       r1.5 EXPHIL03 bestått, 10 ECTS + 15 HP 2017-12-01 0223
 *                                       r1.6 IN9999  no grade, 5 ECTS, no date 0613
 * NTNU (NO, ntnu.no, "A–F")            r2.1 BA-ECON Degree Programme EQF 6, 180 ECTS 2021-06-01 0311
 *                                       r2.2 ECON1   A  60 ECTS 2019-06-01 0311 (part of r2.1)
 *                                       r2.3 DATA1   D 7.5 ECTS 2020-01-01 0613 (part of r2.1)
 *                                       r2.4 MSC     Degree Programme EQF 7, in progress
 * Riverside (no country, not in the registry; American letters, and 1-6)
 *                                       r3.1 X1      A (US) 5 ECTS 2019-01-01
 *                                       r3.2 VGS     Diploma, no EQF level, 2016-06-20
 *                                       r3.3 MAT-VG  5 (1-6) 2016-06-20
 * </pre>
 * ECTS counted once: 35 + 180 + 5 = 220. The registry knows uio.no and NTNU by its English name.
 */
class ProfileEvaluatorTest {

    static final Set<String> REGISTRY = Set.of("uio.no", "Norwegian University of Science and Technology");
    static final ReceivedResults APPLICANT = applicant();
    static final java.time.LocalDate DAY = java.time.LocalDate.parse("2026-12-02");

    static final String MET = "{\"passed\": {\"codes\": [\"IN1000\"]}}";
    static final String NOT_MET = "{\"passed\": {\"codes\": [\"MAT1100\"]}}";
    static final String UNDECIDED = "{\"grade\": {\"codes\": [\"X1\"], \"atLeast\": \"B\"}}";

    // ----- each kind, with its filters: condition | verdict | ids that satisfied it | detail (or "-")

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{'atLeast': 220}                                  | MET       | r1.2 r1.3 r1.5 r1.6 r2.1 r3.1 | 220 of 220 ECTS",
        "{'atLeast': 220.5}                                | NOT_MET   |                              | 220 of 220.5 ECTS",
        "{'atLeast': 0}                                    | MET       | r1.2 r1.3 r1.5 r1.6 r2.1 r3.1 | 220 of 0 ECTS",
        "{'atLeast': 32.5, 'iscedCodes': ['061']}          | MET       | r1.2 r1.3 r1.6 r2.3           | 32.5 of 32.5 ECTS",
        "{'atLeast': 33, 'iscedCodes': ['061']}            | NOT_MET   |                              | 32.5 of 33 ECTS",
        "{'atLeast': 180, 'iscedCodes': ['0311']}          | MET       | r2.1                          | 180 of 180 ECTS",
        "{'atLeast': 181, 'iscedCodes': ['0311']}          | NOT_MET   |                              | 180 of 181 ECTS",
        "{'atLeast': 205, 'iscedCodes': ['0311', '0613']}  | MET       | r1.2 r1.3 r1.6 r2.1           | 205 of 205 ECTS",
        "{'atLeast': 20, 'courseCodes': ['IN1000', 'IN2010', 'MAT1100']} | MET | r1.2 r1.3             | 20 of 20 ECTS",
        "{'atLeast': 21, 'courseCodes': ['IN1000', 'IN2010', 'MAT1100']} | NOT_MET |                   | 20 of 21 ECTS",
        "{'atLeast': 67.5, 'courseCodes': ['econ1', 'DATA1']} | MET    | r2.2 r2.3                     | 67.5 of 67.5 ECTS",
        "{'atLeast': 190, 'iscedCodes': ['0311'], 'courseCodes': ['IN1000']} | MET | r1.2 r2.1        | 190 of 190 ECTS",
        "{'atLeast': 15, 'scheme': 'hp'}                   | MET       | r1.5                          | 15 of 15 hp",
        "{'atLeast': 16, 'scheme': 'HP'}                   | NOT_MET   |                              | 15 of 16 HP",
        "{'atLeast': 215, 'issuerCountries': ['NO']}       | MET       | r1.2 r1.3 r1.5 r1.6 r2.1      | 215 of 215 ECTS",
        "{'atLeast': 220, 'issuerCountries': ['NO']}       | UNDECIDED |                              | -",
        "{'atLeast': 6, 'issuerCountries': ['SE']}         | NOT_MET   |                              | 0 of 6 ECTS",
        "{'atLeast': 95, 'achievedTo': '2019-12-31'}       | MET       | r1.2 r1.3 r1.5 r2.2 r3.1      | 95 of 95 ECTS",
        "{'atLeast': 100, 'achievedTo': '2019-12-31'}      | UNDECIDED |                              | 95 of 100 ECTS certain, 100 possible",
        "{'atLeast': 101, 'achievedTo': '2019-12-31'}      | NOT_MET   |                              | 95 of 101 ECTS",
        "{'atLeast': 180, 'achievedFrom': '2021-01-01'}    | MET       | r2.1                          | 180 of 180 ECTS",
        "{'atLeast': 67.5, 'achievedFrom': '2019-06-01', 'achievedTo': '2020-01-01'} | MET | r2.2 r2.3 | 67.5 of 67.5 ECTS",
        "{'atLeast': 215, 'issuerInRegistry': true}        | MET       | r1.2 r1.3 r1.5 r1.6 r2.1      | 215 of 215 ECTS",
        "{'atLeast': 216, 'issuerInRegistry': true}        | NOT_MET   |                              | 215 of 216 ECTS",
    })
    void credits(String options, Verdict verdict, String ids, String detail) {
        assertVerdict("{'credits': " + options + "}", verdict, ids, detail);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{'minEqfLevel': 6}                                | MET       | r1.1 r2.1      | 2 found: a completed qualification at EQF level 6 or higher",
        "{}                                                | MET       | r1.1 r2.1 r3.2 | 3 found: a completed qualification",
        "{'minEqfLevel': 7}                                | UNDECIDED |                | undecided: a completed qualification at EQF level 7 or higher (highest EQF level found: 6)",
        "{'minEqfLevel': 7, 'issuerInRegistry': true}      | NOT_MET   |                | none found: a completed qualification at EQF level 7 or higher (highest EQF level found: 6)",
        "{'minEqfLevel': 7, 'achievedFrom': '2017-01-01'}  | NOT_MET   |                | -",
        "{'minEqfLevel': 6, 'issuerCountries': ['NO'], 'achievedFrom': '2021-01-01'} | MET | r2.1 | -",
        "{'minEqfLevel': 6, 'issuerCountries': ['DK'], 'issuerInRegistry': true} | NOT_MET | | -",
        "{'minEqfLevel': 3, 'issuerCountries': ['DK']}     | UNDECIDED |                | -",
    })
    void qualification(String options, Verdict verdict, String ids, String detail) {
        assertVerdict("{'qualification': " + options + "}", verdict, ids, detail);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{'codes': ['IN1000']}                               | MET       | r1.2      | 1 passed results of 1 required",
        "{'codes': ['MAT1100']}                              | NOT_MET   |           | 0 passed results of 1 required",
        "{'titlePatterns': ['ALGORITHM']}                    | MET       | r1.3      | -",
        "{'titlePatterns': ['datastruktur']}                 | MET       | r1.3      | -",
        "{'titlePatterns': ['^calculus$']}                   | NOT_MET   |           | -",
        "{'codes': ['IN1000', 'IN2010', 'MAT1100'], 'minCount': 2} | MET | r1.2 r1.3 | 2 passed results of 2 required",
        "{'codes': ['IN1000', 'IN2010', 'MAT1100'], 'minCount': 3} | NOT_MET |     | 2 passed results of 3 required",
        "{'codes': ['IN1000'], 'titlePatterns': ['Data Structures'], 'minCount': 2} | MET | r1.2 r1.3 | -",
        "{'codes': ['IN9999'], 'achievedFrom': '2017-01-01'} | UNDECIDED |           | 0 passed results of 1 required, 1 undecided",
        "{'codes': ['IN1000'], 'achievedFrom': '2018-01-01'} | NOT_MET   |           | -",
        "{'codes': ['X1'], 'issuerInRegistry': true}         | NOT_MET   |           | -",
        "{'codes': ['X1'], 'issuerCountries': ['US']}        | UNDECIDED |           | -",
    })
    void passed(String options, Verdict verdict, String ids, String detail) {
        assertVerdict("{'passed': " + options + "}", verdict, ids, detail);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{'codes': ['IN1000'], 'atLeast': 'B'}               | MET       | r1.2      | 1 results graded at least B of 1 required",
        "{'codes': ['IN1000'], 'atLeast': 'a'}               | NOT_MET   |           | -",
        "{'codes': ['IN2010'], 'atLeast': 'B'}               | NOT_MET   |           | 0 results graded at least B of 1 required",
        "{'codes': ['IN1000', 'IN2010'], 'atLeast': 'C', 'minCount': 2} | MET | r1.2 r1.3 | -",
        "{'codes': ['MAT1100'], 'atLeast': 'E'}              | NOT_MET   |           | -",
        "{'codes': ['ECON1'], 'atLeast': 'A'}                | MET       | r2.2      | -",
        "{'codes': ['DATA1'], 'atLeast': 'D', 'issuerCountries': ['NO']} | MET | r2.3 | -",
        "{'codes': ['DATA1'], 'atLeast': 'D', 'achievedTo': '2019-12-31'} | NOT_MET |  | -",
        "{'codes': ['X1'], 'atLeast': 'B'}                   | UNDECIDED |           | 0 results graded at least B of 1 required, 1 undecided",
        "{'codes': ['EXPHIL03'], 'atLeast': 'passed'}        | MET       | r1.5      | -",
        "{'codes': ['EXPHIL03'], 'atLeast': 'bestått'}       | MET       | r1.5      | -",
        "{'codes': ['EXPHIL03'], 'atLeast': 'C'}             | UNDECIDED |           | -",
        "{'codes': ['IN2010'], 'atLeast': 'passed'}          | MET       | r1.3      | -",
        "{'codes': ['IN9999'], 'atLeast': 'E'}               | UNDECIDED |           | -",
        "{'codes': ['IN9999'], 'atLeast': 'passed'}          | MET       | r1.6      | -",
        "{'codes': ['MAT-VG'], 'atLeast': '4'}               | MET       | r3.3      | -",
        "{'codes': ['MAT-VG'], 'atLeast': 6}                 | NOT_MET   |           | -",
        "{'codes': ['MAT-VG'], 'atLeast': 'B'}               | UNDECIDED |           | -",
        "{'titlePatterns': ['.'], 'atLeast': 'A'}            | MET       | r2.2      | -",
        "{'titlePatterns': ['.'], 'atLeast': 'A', 'minCount': 2} | UNDECIDED |       | -",
    })
    void grade(String options, Verdict verdict, String ids, String detail) {
        assertVerdict("{'grade': " + options + "}", verdict, ids, detail);
    }

    /** Which reason an undecided condition gives: the outcome names it. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{'grade': {'codes': ['X1'], 'atLeast': 'B'}}                  | unknown_grading_scheme",
        "{'grade': {'codes': ['EXPHIL03'], 'atLeast': 'C'}}            | other_grading_scale",
        "{'grade': {'codes': ['IN9999'], 'atLeast': 'E'}}              | no_grade",
        "{'qualification': {'minEqfLevel': 7}}                         | unknown_eqf_level",
        "{'credits': {'atLeast': 100, 'achievedTo': '2019-12-31'}}     | unknown_date",
        "{'credits': {'atLeast': 220, 'issuerCountries': ['NO']}}      | unknown_country",
        "{'any': [{'grade': {'codes': ['X1'], 'atLeast': 'B'}}, {'credits': {'atLeast': 220, 'issuerCountries': ['NO']}}]} | unknown_grading_scheme unknown_country",
    })
    void undecidedConditionsSayWhy(String condition, String reasons) {
        Evaluation evaluation = evaluate(condition, EvidenceQuality.trusted(REGISTRY));
        assertEquals(Outcome.NEEDS_REVIEW, evaluation.outcome());
        assertEquals(List.of(reasons.split(" ")), evaluation.reviewReasons());
    }

    // ----- all / any

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "all | MET, MET             | MET",
        "all | MET, NOT_MET         | NOT_MET",
        "all | MET, UNDECIDED       | UNDECIDED",
        "all | NOT_MET, UNDECIDED   | NOT_MET",
        "all | UNDECIDED, UNDECIDED | UNDECIDED",
        "any | NOT_MET, MET         | MET",
        "any | NOT_MET, UNDECIDED   | UNDECIDED",
        "any | UNDECIDED, MET       | MET",
        "any | NOT_MET, NOT_MET     | NOT_MET",
        "any | NOT_MET              | NOT_MET",
        "all | MET                  | MET",
    })
    void allAndAnyCombineByKleenesRules(String kind, String children, Verdict expected) {
        List<String> conditions = new ArrayList<>();
        for (String child : children.split(",\\s*")) {
            conditions.add(switch (child) {
                case "MET" -> MET;
                case "NOT_MET" -> NOT_MET;
                default -> UNDECIDED;
            });
        }
        Evaluation evaluation = evaluate("{\"" + kind + "\": [" + String.join(", ", conditions) + "]}",
                EvidenceQuality.trusted(REGISTRY));
        assertEquals(expected, evaluation.verdicts().get(0).verdict());
        List<String> leaves = evaluation.verdicts().subList(1, evaluation.verdicts().size()).stream()
                .map(v -> v.verdict().name()).toList();
        assertEquals(Arrays.asList(children.split(",\\s*")), leaves, "each child keeps its own verdict");
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
        "MET, MET, MET, MET", "MET, NOT_MET, NOT_MET, MET", "MET, UNDECIDED, UNDECIDED, MET",
        "NOT_MET, NOT_MET, NOT_MET, NOT_MET", "NOT_MET, UNDECIDED, NOT_MET, UNDECIDED",
        "UNDECIDED, UNDECIDED, UNDECIDED, UNDECIDED", "UNDECIDED, MET, UNDECIDED, MET",
    })
    void kleeneTables(Verdict a, Verdict b, Verdict and, Verdict or) {
        assertEquals(and, a.and(b));
        assertEquals(and, b.and(a));
        assertEquals(or, a.or(b));
        assertEquals(or, b.or(a));
    }

    @Test
    void nestedConditionsAreListedDepthFirstWithTheirPathsAndResults() {
        Evaluation evaluation = evaluate("{'all': [" + MET + ", {'any': [" + NOT_MET + ", "
                + "{'credits': {'atLeast': 180, 'iscedCodes': ['0311']}}]}]}", EvidenceQuality.trusted(REGISTRY));
        assertEquals(List.of("require", "require.all[0]", "require.all[1]", "require.all[1].any[0]",
                "require.all[1].any[1]"), evaluation.verdicts().stream().map(ConditionVerdict::path).toList());
        assertEquals(List.of("all", "passed", "any", "passed", "credits"),
                evaluation.verdicts().stream().map(ConditionVerdict::kind).toList());
        assertEquals(List.of("r1.2", "r2.1"), evaluation.verdicts().get(0).resultIds());
        assertEquals("2 of 2 conditions met, all required", evaluation.verdicts().get(0).detail());
        assertEquals("1 of 2 conditions met, one required", evaluation.verdicts().get(2).detail());
        assertEquals(Outcome.MET, evaluation.outcome());
    }

    // ----- the outcome: verified | learner | partial | weak | known provider | root | outcome | reasons

    @ParameterizedTest(name = "{0} {1} partial={2} weak={3} known={4}, root {5} -> {6}")
    @CsvSource(delimiter = '|', value = {
        "true  | MATCH       | false | false | true  | MET       | MET          | ",
        "true  | MATCH       | false | false | true  | NOT_MET   | NOT_MET      | ",
        "true  | MATCH       | false | false | true  | UNDECIDED | NEEDS_REVIEW | unknown_grading_scheme",
        "true  | MATCH       | true  | false | true  | MET       | MET          | ",
        "true  | MATCH       | true  | false | true  | NOT_MET   | NEEDS_REVIEW | partial_sources",
        "true  | MATCH       | true  | false | true  | UNDECIDED | NEEDS_REVIEW | unknown_grading_scheme",
        "false | MATCH       | false | false | true  | MET       | NEEDS_REVIEW | not_verified",
        "false | MATCH       | false | false | true  | NOT_MET   | NEEDS_REVIEW | not_verified",
        "true  | MISMATCH    | false | false | true  | MET       | NEEDS_REVIEW | learner_mismatch",
        "true  | PARTIAL     | false | false | true  | MET       | NEEDS_REVIEW | learner_partial_match",
        "true  | NOT_CHECKED | false | false | true  | MET       | NEEDS_REVIEW | learner_not_checked",
        "true  | MATCH       | false | true  | true  | MET       | NEEDS_REVIEW | weak_signature",
        "true  | MATCH       | false | false | false | MET       | NEEDS_REVIEW | unknown_provider",
        "false | MISMATCH    | true  | true  | false | NOT_MET   | NEEDS_REVIEW | not_verified learner_mismatch weak_signature unknown_provider partial_sources",
        "false | MATCH       | false | false | true  | UNDECIDED | NEEDS_REVIEW | not_verified unknown_grading_scheme",
    })
    void outcomeRules(boolean verified, String learner, boolean partial, boolean weak, boolean known, Verdict root,
            Outcome outcome, String reasons) {
        String condition = switch (root) {
            case MET -> MET;
            case NOT_MET -> NOT_MET;
            case UNDECIDED -> UNDECIDED;
        };
        Evaluation evaluation = evaluate(condition, new EvidenceQuality(verified, learner, partial, weak, known, REGISTRY));
        assertEquals(root, evaluation.verdicts().get(0).verdict());
        assertEquals(outcome, evaluation.outcome());
        assertEquals(reasons == null ? List.of() : List.of(reasons.split(" ")), evaluation.reviewReasons());
    }

    // ----- the shipped profiles and the JSON of an evaluation

    @Test
    void theShippedProfilesAreMetByTheApplicant() {
        RequirementProfiles profiles = RequirementProfiles.load(Optional.empty());
        Evaluation bachelor = ProfileEvaluator.evaluate(profiles.find("any-receiver", "bachelor-degree").orElseThrow(),
                APPLICANT, EvidenceQuality.trusted(REGISTRY), DAY);
        assertEquals(Outcome.MET, bachelor.outcome());
        assertEquals("bachelor-degree", bachelor.profileId());
        assertEquals(1, bachelor.profileVersion());
        assertEquals(List.of("r1.1", "r2.1"), bachelor.verdicts().get(1).resultIds());
        assertEquals("220 of 180 ECTS", bachelor.verdicts().get(2).detail());

        Evaluation subject = ProfileEvaluator.evaluate(profiles.find("any-receiver", "subject-credits").orElseThrow(),
                APPLICANT, EvidenceQuality.trusted(REGISTRY), DAY);
        assertEquals(Outcome.MET, subject.outcome());
        assertEquals("32.5 of 30 ECTS", subject.verdicts().get(0).detail());
        assertEquals(List.of("r1.2", "r1.3", "r1.6", "r2.3"), subject.verdicts().get(0).resultIds());
    }

    @Test
    void anEvaluationIsJsonWithLowerCaseWords() throws Exception {
        Evaluation evaluation = evaluate("{'all': [" + MET + ", " + UNDECIDED + "]}",
                new EvidenceQuality(true, "MATCH", true, false, true, REGISTRY));
        JsonNode json = new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(evaluation));
        assertEquals("needs_review", json.path("outcome").asText());
        assertEquals("test", json.path("profileId").asText());
        assertEquals(3, json.path("profileVersion").asInt());
        assertEquals("undecided", json.path("verdicts").get(0).path("verdict").asText());
        assertEquals("met", json.path("verdicts").get(1).path("verdict").asText());
        assertEquals("require.all[1]", json.path("verdicts").get(2).path("path").asText());
        assertEquals("r1.2", json.path("verdicts").get(1).path("resultIds").get(0).asText());
        assertEquals("unknown_grading_scheme", json.path("reviewReasons").get(0).asText());
        assertFalse(json.path("verdicts").get(1).path("detail").asText().isEmpty());
    }

    @Test
    void whatCountsAsAQualification() {
        assertTrue(ProfileEvaluator.isQualification(result("r1.1", null, 0, "Degree Programme", "X")));
        assertTrue(ProfileEvaluator.isQualification(result("r1.1", null, 0, "Qualification", "X")));
        assertTrue(ProfileEvaluator.isQualification(result("r1.2", "r1.1", 1, "Upper secondary diploma", "X")));
        assertTrue(ProfileEvaluator.isQualification(result("r1.1", null, 0, null, "X")), "untyped at the top");
        assertFalse(ProfileEvaluator.isQualification(result("r1.2", "r1.1", 1, null, "X")), "untyped below");
        assertFalse(ProfileEvaluator.isQualification(result("r1.1", null, 0, "Course", "X")), "a course at the top");
        assertFalse(ProfileEvaluator.isQualification(result("r1.1", null, 0, "Module", "X")));
    }

    // ----- helpers

    private static void assertVerdict(String condition, Verdict verdict, String ids, String detail) {
        Evaluation evaluation = evaluate(condition, EvidenceQuality.trusted(REGISTRY));
        ConditionVerdict root = evaluation.verdicts().get(0);
        assertEquals(verdict, root.verdict(), root.detail());
        assertEquals(ids == null ? List.of() : List.of(ids.trim().split("\\s+")), root.resultIds(), root.detail());
        if (!"-".equals(detail)) {
            assertEquals(detail, root.detail());
        }
    }

    static Evaluation evaluate(String condition, EvidenceQuality quality) {
        String json = ("{'id': 'test', 'version': 3, 'receivers': ['*'], 'title': {'en': 'Test'}, 'require': "
                + condition + "}").replace('\'', '"');
        return ProfileEvaluator.evaluate(ProfileParser.parse("test.json", json), APPLICANT, quality, DAY);
    }

    private static ReceivedResults applicant() {
        GradingScheme letters = new GradingScheme("AF", Map.of("en",
                "A (excellent) to E (sufficient) are pass grades, F is fail."));
        Institution uio = new Institution(Map.of("en", "University of Oslo", "nb", "Universitetet i Oslo"), "uio.no", "NO",
                "2026-01-15T12:00:00Z", List.of(letters), List.of(
                        result("r1.1", null, 0, "Degree Programme", "B-IFI", "Programming", null, "2020-06-15", "passed",
                                null, null, 6, "0613"),
                        result("r1.2", "r1.1", 1, "Course", "IN1000", "Introduction to Programming", null, "2017-12-08",
                                "passed", new Grade("B", "AF"), List.of(ects("10")), null, "0613"),
                        result("r1.3", "r1.1", 1, "Course", "IN2010", "Algorithms and Data Structures",
                                "Algoritmer og datastrukturer", "2018-06-10", "passed", new Grade("C", "AF"),
                                List.of(ects("10")), null, "0613"),
                        result("r1.4", "r1.1", 1, "Course", "MAT1100", "Calculus", "Kalkulus", "2018-12-14", "failed",
                                new Grade("F", "AF"), List.of(ects("10")), null, "0541"),
                        result("r1.5", "r1.1", 1, "Course", "EXPHIL03", "Examen philosophicum", null, "2017-12-01", null,
                                new Grade("bestått", null), List.of(ects("10"), new Credit("HP", new BigDecimal("15"), null)),
                                null, "0223"),
                        result("r1.6", "r1.1", 1, "Course", "IN9999", "Thesis seminar", null, null, "passed", null,
                                List.of(ects("5")), null, "0613")),
                new Totals(6, 5, new BigDecimal("35")));
        Institution ntnu = new Institution(Map.of("en", "Norwegian University of Science and Technology"), "ntnu.no", "NO",
                "2026-01-15T12:00:00Z", List.of(new GradingScheme("ECTS-AF", Map.of("nb",
                        "A–F, der E er laveste ståkarakter"))), List.of(
                        result("r2.1", null, 0, "Degree Programme", "BA-ECON", "Bachelor in Economics", null, "2021-06-01",
                                "Passed", null, List.of(ects("180")), 6, "0311"),
                        result("r2.2", "r2.1", 1, "Course", "ECON1", "Microeconomics", null, "2019-06-01", "passed",
                                new Grade("A", "ECTS-AF"), List.of(ects("60")), null, "0311"),
                        result("r2.3", "r2.1", 1, "Course", "DATA1", "Data Science", null, "2020-01-01", "passed",
                                new Grade("D", "ECTS-AF"), List.of(ects("7.5")), null, "0613"),
                        result("r2.4", null, 0, "Degree Programme", "MSC", "Master in Economics", null, null,
                                "in-progress", null, List.of(), 7, "0311")),
                new Totals(4, 3, new BigDecimal("180")));
        Institution riverside = new Institution(Map.of("en", "Riverside College"), null, null, null, List.of(
                new GradingScheme("US", Map.of("en", "American grading scale")),
                new GradingScheme("N16", Map.of("nb", "Karakterskala 1–6, der 2 er laveste ståkarakter"))), List.of(
                        result("r3.1", null, 0, "Course", "X1", "Writing", null, "2019-01-01", "passed",
                                new Grade("A", "US"), List.of(ects("5")), null, null),
                        result("r3.2", null, 0, "Diploma", "VGS", "Upper secondary diploma", null, "2016-06-20", "passed",
                                null, List.of(), null, null),
                        result("r3.3", "r3.2", 1, "Course", "MAT-VG", "Mathematics", "Matematikk", "2016-06-20", "passed",
                                new Grade("5", "N16"), List.of(), null, null)),
                new Totals(3, 3, new BigDecimal("5")));
        return new ReceivedResults(null, List.of(uio, ntnu, riverside), new Totals(13, 11, new BigDecimal("220")),
                List.of());
    }

    private static Credit ects(String value) {
        return new Credit("ECTS", new BigDecimal(value), null);
    }

    private static LearningResult result(String id, String parent, int depth, String type, String code) {
        return result(id, parent, depth, type, code, code, null, null, null, null, List.of(), null, null);
    }

    private static LearningResult result(String id, String parent, int depth, String type, String code, String en,
            String nb, String date, String status, Grade grade, List<Credit> credits, Integer eqf, String isced) {
        Map<String, String> titles = nb == null ? Map.of("en", en) : Map.of("en", en, "nb", nb);
        return new LearningResult(id, parent, depth, type, code, titles, date, status, grade, credits == null ? List.of()
                : credits, eqf, isced);
    }
}
