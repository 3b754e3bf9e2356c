package org.edurecords.ncp.receiving.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.edurecords.ncp.receiving.profile.RequirementProfile.All;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Credits;
import org.edurecords.ncp.receiving.profile.RequirementProfile.Qualification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Loading the built-in profiles and a directory of them, versions, receivers, and every validation error. */
class RequirementProfilesTest {

    @TempDir
    Path folder;

    @Test
    void theBuiltInProfilesAreReadFromTheIndex() {
        RequirementProfiles profiles = RequirementProfiles.load(Optional.empty());
        assertEquals(List.of("bachelor-degree", "subject-credits", "driving-licence-b", "health-worker-authorisation",
                "recognition-master"), profiles.all().stream().map(p -> p.id()).toList());
        RequirementProfile bachelor = profiles.find("opptak", "bachelor-degree").orElseThrow();
        assertEquals("receiving-profiles/bachelor-degree.json", bachelor.source());
        assertEquals("Bachelorgrad", bachelor.title().get("nb"));
        All all = (All) bachelor.require();
        assertEquals(6, ((Qualification) all.conditions().get(0)).minEqfLevel());
        Credits credits = (Credits) all.conditions().get(1);
        assertEquals(new BigDecimal("180"), credits.atLeast());
        assertEquals("ECTS", credits.scheme(), "the default scheme");
        Credits subject = (Credits) profiles.find("opptak", "subject-credits").orElseThrow().require();
        assertEquals(List.of("061"), subject.iscedCodes());
        assertEquals(new BigDecimal("30"), subject.atLeast());
    }

    @Test
    void theDirectoryAddsVersionsAndReceiversChooseAmongThem() throws IOException {
        write("a.json", profile("nursing", 1, "[\"*\"]", 60));
        write("b.json", profile("nursing", 2, "[\"udi\", \"hkdir\"]", 90));
        write("c.json", profile("nursing", 3, "[\"hkdir\"]", 120));
        write("notes.txt", "not a profile, not read");
        RequirementProfiles profiles = RequirementProfiles.load(Optional.of(folder));

        assertEquals(8, profiles.all().size());
        assertEquals(3, profiles.find("hkdir", "nursing").orElseThrow().version(), "the latest it may use");
        assertEquals(2, profiles.find("udi", "nursing").orElseThrow().version());
        assertEquals(1, profiles.find("someone", "nursing").orElseThrow().version(), "* is every receiver");
        assertEquals(new BigDecimal("90"), ((Credits) profiles.find("udi", "nursing", 2).orElseThrow().require()).atLeast());
        assertTrue(profiles.find("udi", "nursing", 3).isEmpty(), "not for this receiver");
        assertTrue(profiles.find("udi", "nursing", 4).isEmpty());
        assertTrue(profiles.find("udi", "dentistry").isEmpty());
        assertEquals(folder.resolve("b.json").toString(), profiles.find("udi", "nursing").orElseThrow().source());
    }

    @Test
    void theSameIdAndVersionTwiceStopsTheStart() throws IOException {
        write("a.json", profile("nursing", 1, "[\"*\"]", 60));
        write("b.json", profile("nursing", 1, "[\"udi\"]", 90));
        ProfileException e = assertThrows(ProfileException.class, () -> RequirementProfiles.load(Optional.of(folder)));
        assertEquals(List.of(folder.resolve("b.json") + ": $.version: profile 'nursing' version 1 is also in "
                + folder.resolve("a.json")), e.problems());
    }

    @Test
    void aBuiltInIdAndVersionCannotBeReplacedByAFile() throws IOException {
        write("mine.json", profile("bachelor-degree", 1, "[\"*\"]", 120));
        ProfileException e = assertThrows(ProfileException.class, () -> RequirementProfiles.load(Optional.of(folder)));
        assertTrue(e.getMessage().contains("is also in receiving-profiles/bachelor-degree.json"), e.getMessage());
    }

    @Test
    void everyBadFileIsReportedNotOnlyTheFirst() throws IOException {
        write("a.json", "{ not json");
        write("b.json", profile("fine", 1, "[\"*\"]", 10).replace("\"atLeast\": 10", "\"atLeast\": -10"));
        ProfileException e = assertThrows(ProfileException.class, () -> RequirementProfiles.load(Optional.of(folder)));
        assertEquals(2, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith(folder.resolve("a.json") + ": not JSON"), e.problems().get(0));
        assertTrue(e.getMessage().contains("b.json: $.require.credits.atLeast: must not be negative, was -10"),
                e.getMessage());
    }

    @Test
    void aMissingDirectoryStopsTheStart() {
        ProfileException e = assertThrows(ProfileException.class,
                () -> RequirementProfiles.load(Optional.of(folder.resolve("absent"))));
        assertTrue(e.getMessage().contains("ncp.receiving.profiles-dir is not a directory"), e.getMessage());
    }

    @Test
    void theDirectoryAddsToTheBuiltInProfiles() throws IOException {
        // The bean reads ncp.receiving.profiles-dir the same way: RequirementProfilesStartupTest.
        write("a.json", profile("nursing", 1, "[\"*\"]", 60));
        assertEquals(6, RequirementProfiles.load(Optional.of(folder)).all().size());
        assertEquals(5, RequirementProfiles.load(Optional.empty()).all().size());
    }

    /** A profile with one thing wrong: the message names the file, the JSON path and what is wrong. */
    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "[1, 2]                                                | $: a profile is a JSON object",
        "{'id': 'x', 'version': 1, 'receivers': ['*'], 'title': {'en': 'X'}, 'require': {'passed': {'codes': ['A']}}, 'extra': 1} | $.extra: unknown key",
        "{'version': 1, 'receivers': ['*'], 'title': {'en': 'X'}, 'require': {'passed': {'codes': ['A']}}} | $.id: missing",
        "{'id': 'Bad Id', 'version': 1, 'receivers': ['*'], 'title': {'en': 'X'}, 'require': {'passed': {'codes': ['A']}}} | $.id: must be lower case letters",
        "{'id': 'x', 'receivers': ['*'], 'title': {'en': 'X'}, 'require': {'passed': {'codes': ['A']}}} | $.version: missing",
        "{'id': 'x', 'version': 0, 'receivers': ['*'], 'title': {'en': 'X'}, 'require': {'passed': {'codes': ['A']}}} | $.version: must be a whole number of at least 1, was 0",
        "{'id': 'x', 'version': 1.5, 'receivers': ['*'], 'title': {'en': 'X'}, 'require': {'passed': {'codes': ['A']}}} | $.version: must be a whole number",
        "{'id': 'x', 'version': 1, 'title': {'en': 'X'}, 'require': {'passed': {'codes': ['A']}}} | $.receivers: missing",
        "{'id': 'x', 'version': 1, 'receivers': [], 'title': {'en': 'X'}, 'require': {'passed': {'codes': ['A']}}} | $.receivers: is empty",
        "{'id': 'x', 'version': 1, 'receivers': [7], 'title': {'en': 'X'}, 'require': {'passed': {'codes': ['A']}}} | $.receivers[0]: must be a text",
        "{'id': 'x', 'version': 1, 'receivers': ['*'], 'require': {'passed': {'codes': ['A']}}} | $.title: missing",
        "{'id': 'x', 'version': 1, 'receivers': ['*'], 'title': {'en': 'X', 'xx': 'Y'}, 'require': {'passed': {'codes': ['A']}}} | $.title.xx: unknown language 'xx', not one of [en, nb, nn, se]",
        "{'id': 'x', 'version': 1, 'receivers': ['*'], 'title': {'nb': 'X'}, 'require': {'passed': {'codes': ['A']}}} | $.title: lacks English",
        "{'id': 'x', 'version': 1, 'receivers': ['*'], 'title': {'en': ' '}, 'require': {'passed': {'codes': ['A']}}} | $.title.en: must be a text that is not blank",
        "{'id': 'x', 'version': 1, 'receivers': ['*'], 'title': {'en': 'X'}} | $.require: missing",
        "REQUIRE {'credit': {'atLeast': 1}}                    | $.require.credit: unknown kind 'credit', not one of all, any, credential, credits, grade, passed, qualification",
        "REQUIRE {'credits': {'atLeast': 1}, 'passed': {'codes': ['A']}} | $.require: a condition has exactly one key",
        "REQUIRE {}                                            | $.require: a condition has exactly one key (one of all, any, credential, credits, grade, passed, qualification), this one has 0",
        "REQUIRE 'credits'                                     | $.require: a condition is an object",
        "REQUIRE {'all': []}                                   | $.require.all: must be a list of at least one condition",
        "REQUIRE {'any': {'credits': {'atLeast': 1}}}          | $.require.any: must be a list of at least one condition",
        "REQUIRE {'all': [{'any': [{'credits': {}}]}]}         | $.require.all[0].any[0].credits.atLeast: missing",
        "REQUIRE {'credits': {'atLeast': -1}}                  | $.require.credits.atLeast: must not be negative, was -1",
        "REQUIRE {'credits': {'atLeast': '180'}}               | $.require.credits.atLeast: must be a number, was \"180\"",
        "REQUIRE {'credits': {'atLeast': 1, 'ects': true}}     | $.require.credits.ects: unknown key; 'credits' takes",
        "REQUIRE {'credits': {'atLeast': 1, 'iscedCodes': ['06x']}} | $.require.credits.iscedCodes[0]: an ISCED-F code or its start is 1 to 4 digits, was '06x'",
        "REQUIRE {'credits': {'atLeast': 1, 'iscedCodes': '061'}} | $.require.credits.iscedCodes: must be a list of texts",
        "REQUIRE {'credits': {'atLeast': 1, 'scheme': ''}}     | $.require.credits.scheme: must be the name of a credit scheme",
        "REQUIRE 7                                             | $.require: a condition is an object",
        "REQUIRE {'qualification': {'minEqfLevel': 9}}         | $.require.qualification.minEqfLevel: must be from 1 to 8, was 9",
        "REQUIRE {'qualification': {'minEqfLevel': -6}}        | $.require.qualification.minEqfLevel: must not be negative, was -6",
        "REQUIRE {'qualification': {'minEqfLevel': 'six'}}     | $.require.qualification.minEqfLevel: must be a whole number",
        "REQUIRE {'qualification': 6}                          | $.require.qualification: must be an object of the condition's options",
        "REQUIRE {'passed': {}}                                | $.require.passed: 'passed' needs \"codes\" or \"titlePatterns\"",
        "REQUIRE {'passed': {'titlePatterns': ['(unclosed']}}  | $.require.passed.titlePatterns[0]: not a regular expression: Unclosed group",
        "REQUIRE {'passed': {'codes': ['A'], 'minCount': 0}}   | $.require.passed.minCount: must be from 1 to 10000, was 0",
        "REQUIRE {'passed': {'codes': ['A'], 'minCount': -2}}  | $.require.passed.minCount: must not be negative, was -2",
        "REQUIRE {'grade': {'codes': ['A']}}                   | $.require.grade.atLeast: missing",
        "REQUIRE {'grade': {'codes': ['A'], 'atLeast': 'F'}}   | $.require.grade.atLeast: 'F' is no passing grade of a known scale",
        "REQUIRE {'grade': {'codes': ['A'], 'atLeast': '1'}}   | $.require.grade.atLeast: '1' is no passing grade of a known scale",
        "REQUIRE {'grade': {'codes': ['A'], 'atLeast': 'excellent'}} | $.require.grade.atLeast: 'excellent' is no passing grade",
        "REQUIRE {'grade': {'codes': ['A'], 'atLeast': true}}  | $.require.grade.atLeast: must be a grade",
        "REQUIRE {'grade': {'atLeast': 'C'}}                   | $.require.grade: 'grade' needs \"codes\" or \"titlePatterns\"",
        "REQUIRE {'passed': {'codes': ['A'], 'issuerCountries': ['no']}} | $.require.passed.issuerCountries[0]: an ISO 3166-1 alpha-2 code in capitals",
        "REQUIRE {'passed': {'codes': ['A'], 'issuerInRegistry': false}} | $.require.passed.issuerInRegistry: can only be true",
        "REQUIRE {'passed': {'codes': ['A'], 'issuerInRegistry': 'yes'}} | $.require.passed.issuerInRegistry: can only be true",
        "REQUIRE {'passed': {'codes': ['A'], 'achievedFrom': '2020-13-01'}} | $.require.passed.achievedFrom: must be an ISO date (YYYY-MM-DD), was \"2020-13-01\"",
        "REQUIRE {'passed': {'codes': ['A'], 'achievedTo': 20200101}} | $.require.passed.achievedTo: must be an ISO date",
        "REQUIRE {'passed': {'codes': ['A'], 'achievedFrom': '2021-01-01', 'achievedTo': '2020-01-01'}} | $.require.passed.achievedTo: is before achievedFrom (2021-01-01)",
        "{'id': 'x', 'id': 'y', 'version': 1}                  | not JSON: Duplicate field 'id'",
    })
    void validationErrorsNameTheFileThePathAndWhatIsWrong(String json, String expected) throws IOException {
        String text = json.startsWith("REQUIRE ") ? "{'id': 'x', 'version': 1, 'receivers': ['*'], 'title': {'en': 'X'}, "
                + "'require': " + json.substring("REQUIRE ".length()) + "}" : json;
        write("broken.json", text.replace('\'', '"'));
        ProfileException e = assertThrows(ProfileException.class, () -> RequirementProfiles.load(Optional.of(folder)));
        String prefix = folder.resolve("broken.json") + ": ";
        assertEquals(1, e.problems().size(), e.problems().toString());
        assertTrue(e.problems().get(0).startsWith(prefix + expected), e.problems().get(0));
    }

    @Test
    void conditionsNestedTooDeepAreRefused() {
        String condition = "{\"passed\": {\"codes\": [\"A\"]}}";
        for (int i = 0; i < ProfileParser.MAX_DEPTH + 1; i++) {
            condition = "{\"all\": [" + condition + "]}";
        }
        String json = "{\"id\": \"x\", \"version\": 1, \"receivers\": [\"*\"], \"title\": {\"en\": \"X\"}, \"require\": "
                + condition + "}";
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileParser.parse("deep.json", json));
        assertTrue(e.getMessage().contains("nested more than " + ProfileParser.MAX_DEPTH + " deep"), e.getMessage());
    }

    private static String profile(String id, int version, String receivers, int credits) {
        return """
                {"id": "%s", "version": %d, "receivers": %s, "title": {"en": "Profile %s"},
                 "require": {"credits": {"atLeast": %d}}}
                """.formatted(id, version, receivers, id, credits);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
    }
}
