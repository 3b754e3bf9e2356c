package org.edurecords.ncp.receiving.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.edurecords.ncp.receiving.ReceivedResults;
import org.edurecords.ncp.receiving.ReceivedResults.Credential;
import org.edurecords.ncp.receiving.ReceivedResults.CredentialIssuer;
import org.edurecords.ncp.receiving.profile.Evaluation.Outcome;

/**
 * The condition kind {@code credential} as tables over one applicant's credentials, evaluated on 2026-12-02:
 *
 * <pre>
 * c1 licence       NO valid, AM146 (2014-2030), B (2016-05-10 .. 2026-12-02), BE (2020 .. 2026-12-01 expired)
 * c2 licence       SE revoked, category C
 * c3 authorisation NO valid, "Helsefagarbeider" / "Health worker", scheme HPR, valid to 2027-01-10
 * c4 authorisation NO revoked 2023-09-01, "Sykepleier" / "Nurse", scheme HPR
 * c5 authorisation no country, valid, "Lærer" (teacher), scheme TEACH
 * c6 recognition   NO valid, equivalence master, foreign GB
 * c7 recognition   NO suspended, equivalence bachelor
 * c8 upper-secondary NO expired (a diploma has no validity: still stands)
 * c9 vocational    NO revoked
 * c10 authorisation NO valid, "Helsefagarbeider", validFrom 2027-06-01 (not yet valid)
 * </pre>
 */
class CredentialConditionsTest {

    static final LocalDate DAY = LocalDate.parse("2026-12-02");
    static final ObjectMapper JSON = new ObjectMapper();
    static final ReceivedResults APPLICANT = new ReceivedResults(null, List.of(),
            new ReceivedResults.Totals(0, 0, BigDecimal.ZERO), List.of(), List.of(
                    credential("c1", "licence", "valid", "NO", null, null, "{'categories': ["
                            + "{'category': 'AM146', 'validFrom': '2014-01-01', 'validTo': '2030-01-01'},"
                            + "{'category': 'B', 'validFrom': '2016-05-10', 'validTo': '2026-12-02'},"
                            + "{'category': 'BE', 'validFrom': '2020-01-01', 'validTo': '2026-12-01'}]}",
                            Map.of("en", "Driving licence")),
                    credential("c2", "licence", "revoked", "SE", null, null, "{'categories': [{'category': 'C'}]}",
                            Map.of("en", "Driving licence")),
                    credential("c3", "authorisation", "valid", "NO", "2014-01-10", "2027-01-10",
                            "{'profession': {'nb': 'Helsefagarbeider', 'en': 'Health worker'}, 'scheme': 'HPR'}",
                            Map.of("nb", "Autorisasjon som helsefagarbeider")),
                    credential("c4", "authorisation", "revoked", "NO", "2010-01-01", null,
                            "{'profession': {'nb': 'Sykepleier', 'en': 'Nurse'}, 'scheme': 'HPR'}",
                            Map.of("nb", "Autorisasjon som sykepleier")),
                    credential("c5", "authorisation", "valid", null, null, null,
                            "{'profession': {'nb': 'Lærer'}, 'scheme': 'TEACH'}", Map.of("nb", "Godkjenning som lærer")),
                    credential("c6", "recognition", "valid", "NO", null, null,
                            "{'foreignQualification': {'en': 'MSc'}, 'foreignCountry': 'GB', 'decision': {'en': 'Equal'},"
                                    + " 'equivalence': 'master'}", Map.of("en", "Recognition")),
                    credential("c7", "recognition", "suspended", "NO", null, null,
                            "{'foreignQualification': {'en': 'BSc'}, 'decision': {'en': 'Equal'}, 'equivalence': 'bachelor'}",
                            Map.of("en", "Recognition")),
                    credential("c8", "upper-secondary", "expired", "NO", null, "2020-01-01",
                            "{'subjects': [{'code': 'ENG1007', 'grade': '6'}]}", Map.of("nb", "Vitnemål")),
                    credential("c9", "vocational", "revoked", "NO", null, null, "{'trade': {'nb': 'Tømrer'}}",
                            Map.of("nb", "Svennebrev")),
                    credential("c10", "authorisation", "valid", "NO", "2027-06-01", null,
                            "{'profession': {'nb': 'Helsefagarbeider'}, 'scheme': 'HPR'}",
                            Map.of("nb", "Autorisasjon som helsefagarbeider"))));

    // ----- condition | verdict | credentials that satisfied it | reasons when undecided

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "{'kind': 'licence'}                                     | MET       | c1      |",
        "{'kind': 'licence', 'licenceCategory': 'B'}             | MET       | c1      |",
        "{'kind': 'licence', 'licenceCategory': 'am146'}         | MET       | c1      |",
        "{'kind': 'licence', 'licenceCategory': 'BE'}            | NOT_MET   |         |",
        "{'kind': 'licence', 'licenceCategory': 'C'}             | NOT_MET   |         |",
        "{'kind': 'licence', 'licenceCategory': 'D'}             | NOT_MET   |         |",
        "{'kind': 'licence', 'issuerCountry': 'SE'}              | NOT_MET   |         |",
        "{'kind': 'authorisation'}                               | MET       | c3 c5   |",
        "{'kind': 'authorisation', 'profession': 'health worker'} | MET      | c3      |",
        "{'kind': 'authorisation', 'profession': 'HELSEFAG'}     | MET       | c3      |",
        "{'kind': 'authorisation', 'profession': 'nurse'}        | NOT_MET   |         |",
        "{'kind': 'authorisation', 'scheme': 'hpr'}              | MET       | c3      |",
        "{'kind': 'authorisation', 'scheme': 'TEACH', 'issuerCountry': 'NO'} | UNDECIDED | | unknown_country",
        "{'kind': 'authorisation', 'scheme': 'TEACH', 'issuerCountry': 'NO', 'profession': 'nurse'} | NOT_MET | |",
        "{'kind': 'authorisation', 'profession': 'lærer'}        | MET       | c5      |",
        "{'kind': 'recognition'}                                 | MET       | c6      |",
        "{'kind': 'recognition', 'equivalence': 'MASTER'}        | MET       | c6      |",
        "{'kind': 'recognition', 'equivalence': 'bachelor'}      | NOT_MET   |         |",
        "{'kind': 'upper-secondary'}                             | MET       | c8      |",
        "{'kind': 'upper-secondary', 'issuerCountry': 'SE'}      | NOT_MET   |         |",
        "{'kind': 'vocational'}                                  | NOT_MET   |         |",
    })
    void eachFilterOnTheDayOfTheEvaluation(String options, Verdict verdict, String ids, String reasons) {
        Evaluation evaluation = evaluate("{'credential': " + options + "}", EvidenceQuality.trusted(Set.of()));
        Evaluation.ConditionVerdict root = evaluation.verdicts().get(0);
        assertEquals(verdict, root.verdict(), root.detail());
        assertEquals(ids == null ? List.of() : List.of(ids.trim().split("\\s+")), root.resultIds(), root.detail());
        assertEquals("credential", root.kind());
        assertEquals(reasons == null ? List.of() : List.of(reasons.split(" ")), evaluation.reviewReasons());
    }

    // ----- what "stands on the day" means, per kind: kind | status | validFrom | validTo | issuedOn | stands

    @ParameterizedTest(name = "{0} {1} {2}..{3} issued {4} -> {5}")
    @CsvSource({
        "licence,         valid,     ,           ,           ,           true",
        "licence,         valid,     2026-12-02, 2026-12-02, ,           true",
        "licence,         valid,     2026-12-03, ,           ,           false",
        "licence,         valid,     ,           2026-12-01, ,           false",
        "licence,         expired,   ,           ,           ,           false",
        "licence,         suspended, ,           ,           ,           false",
        "authorisation,   revoked,   ,           2030-01-01, ,           false",
        "authorisation,   valid,     2014-01-10, 2030-01-01, ,           true",
        "recognition,     valid,     ,           2020-01-01, 2019-01-01, true",
        "recognition,     revoked,   ,           ,           ,           false",
        "recognition,     suspended, ,           ,           ,           false",
        "recognition,     valid,     ,           ,           2026-12-03, false",
        "upper-secondary, expired,   ,           ,           ,           true",
        "vocational,      valid,     ,           ,           2026-12-02, true",
        "vocational,      revoked,   ,           ,           ,           false",
    })
    void whatStandsOnTheDay(String kind, String status, String from, String to, String issued, boolean stands) {
        Credential c = new Credential("c1", "x", kind, Map.of(), null, issued, null, from, to, status, null, List.of(),
                null);
        assertEquals(stands, ProfileEvaluator.stands(c, DAY));
    }

    @Test
    void theDayIsTheEvaluationsOwn() {
        String b = "{'credential': {'kind': 'licence', 'licenceCategory': 'B'}}";
        assertEquals(Verdict.MET, evaluate(b, EvidenceQuality.trusted(Set.of()), DAY).verdicts().get(0).verdict());
        assertEquals(Verdict.NOT_MET, evaluate(b, EvidenceQuality.trusted(Set.of()), DAY.plusDays(1)).verdicts().get(0)
                .verdict(), "category B ends on the day of the evaluation");
        assertEquals("1 found: licence category B standing on 2026-12-02",
                evaluate(b, EvidenceQuality.trusted(Set.of()), DAY).verdicts().get(0).detail());
    }

    @Test
    void credentialsAndResultsCombineAndDoubtfulEvidenceNeverMeets() {
        String both = "{'all': [{'credential': {'kind': 'recognition', 'equivalence': 'master'}},"
                + " {'credential': {'kind': 'licence'}}]}";
        assertEquals(Outcome.MET, evaluate(both, EvidenceQuality.trusted(Set.of())).outcome());
        for (String problem : List.of(ProfileEvaluator.COMPETENCE_NOT_VERIFIED, ProfileEvaluator.COMPETENCE_INVALID)) {
            Evaluation evaluation = evaluate(both, new EvidenceQuality(true, "MATCH", false, false, true, Set.of(),
                    Set.of(problem)));
            assertEquals(Verdict.MET, evaluation.verdicts().get(0).verdict());
            assertEquals(Outcome.NEEDS_REVIEW, evaluation.outcome(), problem);
            assertEquals(List.of(problem), evaluation.reviewReasons());
        }
        Evaluation missing = evaluate("{'credential': {'kind': 'vocational'}}", new EvidenceQuality(true, "MATCH", true,
                false, true, Set.of()));
        assertEquals(List.of(ProfileEvaluator.PARTIAL_SOURCES), missing.reviewReasons(),
                "evidence the provider could not give might have met it");
    }

    @Test
    void theShippedCredentialProfiles() {
        RequirementProfiles profiles = RequirementProfiles.load(Optional.empty());
        for (String id : List.of("driving-licence-b", "health-worker-authorisation", "recognition-master")) {
            Evaluation evaluation = ProfileEvaluator.evaluate(profiles.find("any", id).orElseThrow(), APPLICANT,
                    EvidenceQuality.trusted(Set.of()), DAY);
            assertEquals(Outcome.MET, evaluation.outcome(), id + ": " + evaluation.verdicts());
        }
        Evaluation revoked = ProfileEvaluator.evaluate(profiles.find("any", "health-worker-authorisation").orElseThrow(),
                APPLICANT, EvidenceQuality.trusted(Set.of()), LocalDate.parse("2027-01-11"));
        assertEquals(Outcome.NOT_MET, revoked.outcome(), "past its validTo");
        assertEquals(List.of("A valid Norwegian authorisation as health worker"),
                List.of(ProfileWords.title(profiles.find("any", "health-worker-authorisation").orElseThrow(),
                        Locale.ENGLISH)));
    }

    @Test
    void inWordsInEveryLanguage() {
        RequirementProfile profile = ProfileParser.parse("t.json", ("{'id': 't', 'version': 1, 'receivers': ['*'],"
                + " 'title': {'en': 'T'}, 'require': {'any': [{'credential': {'kind': 'licence', 'licenceCategory': 'B'}},"
                + " {'credential': {'kind': 'authorisation', 'profession': 'helsefag', 'scheme': 'HPR',"
                + " 'issuerCountry': 'NO'}}, {'credential': {'kind': 'recognition', 'equivalence': 'master'}}]}}")
                .replace('\'', '"'));
        List<ProfileWords.Item> en = ProfileWords.describe(profile, Locale.ENGLISH).get(0).items();
        assertEquals("A licence valid on the day of the evaluation (category B)", en.get(0).text());
        assertEquals("An authorisation valid on the day of the evaluation (as «helsefag»; scheme HPR; issued in NO)",
                en.get(1).text());
        assertEquals("A recognition decision on a foreign qualification, not revoked (equivalent to: master)",
                en.get(2).text());
        for (String lang : List.of("nb", "nn", "se")) {
            List<ProfileWords.Item> items = ProfileWords.describe(profile, Locale.forLanguageTag(lang)).get(0).items();
            assertTrue(items.get(0).text().contains("B"), lang);
            assertTrue(!items.get(0).text().equals(en.get(0).text()), lang + " is its own");
            assertTrue(items.get(1).text().contains("«helsefag»") && items.get(1).text().contains("HPR"), lang);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{}                                                      | $.require.credential.kind: missing",
        "{'kind': 'passport'}                                    | $.require.credential.kind: must be one of",
        "{'kind': 'licence', 'equivalence': 'master'}            | $.require.credential.equivalence: applies to kind recognition only, not licence",
        "{'kind': 'recognition', 'licenceCategory': 'B'}         | $.require.credential.licenceCategory: applies to kind licence only",
        "{'kind': 'licence', 'profession': 'x'}                  | $.require.credential.profession: applies to kind authorisation only",
        "{'kind': 'authorisation', 'profession': '(nurse'}       | $.require.credential.profession: not a regular expression",
        "{'kind': 'authorisation', 'scheme': ''}                 | $.require.credential.scheme: must be a text that is not blank",
        "{'kind': 'licence', 'issuerCountry': 'no'}              | $.require.credential.issuerCountry: an ISO 3166-1 alpha-2 code",
        "{'kind': 'licence', 'issuerCountries': ['NO']}          | $.require.credential.issuerCountries: unknown key",
        "{'kind': 'licence', 'licenceCategory': 5}               | $.require.credential.licenceCategory: must be a text",
    })
    void badConditionsStopTheStartWithTheirPath(String options, String problem) {
        ProfileException e = org.junit.jupiter.api.Assertions.assertThrows(ProfileException.class,
                () -> ProfileParser.parse("p.json", ("{'id': 'p', 'version': 1, 'receivers': ['*'], 'title': {'en': 'P'},"
                        + " 'require': {'credential': " + options + "}}").replace('\'', '"')));
        assertTrue(e.problems().stream().anyMatch(p -> p.startsWith("p.json: " + problem)), e.problems().toString());
    }

    private static Evaluation evaluate(String condition, EvidenceQuality quality) {
        return evaluate(condition, quality, DAY);
    }

    private static Evaluation evaluate(String condition, EvidenceQuality quality, LocalDate day) {
        String json = ("{'id': 'test', 'version': 1, 'receivers': ['*'], 'title': {'en': 'Test'}, 'require': "
                + condition + "}").replace('\'', '"');
        return ProfileEvaluator.evaluate(ProfileParser.parse("test.json", json), APPLICANT, quality, day);
    }

    private static Credential credential(String id, String kind, String status, String country, String validFrom,
            String validTo, String details, Map<String, String> title) {
        try {
            JsonNode node = JSON.readTree(details.replace('\'', '"'));
            return new Credential(id, "p-" + id, kind, title, new CredentialIssuer("Issuer", country, null), "2014-01-10",
                    null, validFrom, validTo, status, null, List.of(), node);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
