package org.edurecords.ncp.receiving.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.edurecords.ncp.receiving.profile.ProfileWords.Item;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A profile in words, in the four languages of the service. */
class ProfileWordsTest {

    private static final RequirementProfiles PROFILES = RequirementProfiles.load(Optional.empty());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en | Bachelor's degree | All of the following: | A completed qualification (a degree or programme) at EQF level 6 or higher | At least 180 ECTS credits",
        "nb | Bachelorgrad      | Alt dette:             | En fullført kvalifikasjon (en grad eller et program) på EQF-nivå 6 eller høyere | Minst 180 studiepoeng (ECTS)",
        "nn | Bachelorgrad      | Alt dette:             | Ein fullført kvalifikasjon (ein grad eller eit program) på EQF-nivå 6 eller høgare | Minst 180 studiepoeng (ECTS)",
        "se | Bachelorgráda     | Buot dát:              | Čađahuvvon gelbbolašvuohta (gráda dahje prográmma) EQF-dásis 6 dahje alit | Unnimusat 180 oahppočuoggá (ECTS)",
    })
    void theBachelorProfileInEachLanguage(String language, String title, String all, String qualification,
            String credits) {
        Locale locale = Locale.forLanguageTag(language);
        RequirementProfile bachelor = PROFILES.find("any", "bachelor-degree").orElseThrow();
        assertEquals(title, ProfileWords.title(bachelor, locale));
        assertEquals(List.of(new Item(all, List.of(new Item(qualification, List.of()), new Item(credits, List.of())))),
                ProfileWords.describe(bachelor, locale));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en | At least 30 ECTS credits in the ISCED-F fields 061",
        "nb | Minst 30 studiepoeng (ECTS) i ISCED-F-feltene 061",
        "nn | Minst 30 studiepoeng (ECTS) i ISCED-F-felta 061",
        "se | Unnimusat 30 oahppočuoggá (ECTS) ISCED-F-suorggiin 061",
    })
    void theSubjectProfileInEachLanguage(String language, String line) {
        RequirementProfile subject = PROFILES.find("any", "subject-credits").orElseThrow();
        assertEquals(List.of(new Item(line, List.of())), ProfileWords.describe(subject, Locale.forLanguageTag(language)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en | At least one of the following: | At least 7.5 ECTS credits in the ISCED-F fields 0613 or from the courses IN1000, IN2010 | A passed result: the codes EXPHIL03 or titles matching «^ex(amen)?\\s*phil» (issued in NO, SE; by an institution in the registry) | The grade C or better in at least 2 results: the codes MAT1100, MAT1110 (achieved from 2015-01-01 to 2020-12-31) | A passing grade on a known grading scale in: the codes IN9999 (achieved on or after 2019-08-01)",
        "nb | Minst ett av disse:            | Minst 7,5 studiepoeng (ECTS) i ISCED-F-feltene 0613 eller fra emnene IN1000, IN2010 | Et bestått resultat: kodene EXPHIL03 eller titler som passer til «^ex(amen)?\\s*phil» (utstedt i NO, SE; av en institusjon i registeret) | Karakteren C eller bedre i minst 2 resultater: kodene MAT1100, MAT1110 (oppnådd fra 01.01.2015 til 31.12.2020) | En ståkarakter på en kjent karakterskala i: kodene IN9999 (oppnådd 01.08.2019 eller senere)",
        "nn | Minst eitt av desse:           | Minst 7,5 studiepoeng (ECTS) i ISCED-F-felta 0613 eller frå emna IN1000, IN2010 | Eit bestått resultat: kodane EXPHIL03 eller titlar som passar til «^ex(amen)?\\s*phil» (utferda i NO, SE; av ein institusjon i registeret) | Karakteren C eller betre i minst 2 resultat: kodane MAT1100, MAT1110 (oppnådd frå 01.01.2015 til 31.12.2020) | Ein ståkarakter på ein kjend karakterskala i: kodane IN9999 (oppnådd 01.08.2019 eller seinare)",
        "se | Unnimusat okta dáin:           | Unnimusat 7,5 oahppočuoggá (ECTS) ISCED-F-suorggiin 0613 dahje dáin kurssain: IN1000, IN2010 | Čađahuvvon boađus: kodat EXPHIL03 dahje namat mat heivejit dása: «^ex(amen)?\\s*phil» (addojuvvon dáin riikkain: NO, SE; ásahusas mii lea registaris) | Árvosátni C dahje buoret unnimusat 2 bohtosis: kodat MAT1100, MAT1110 (olahuvvon 01.01.2015–31.12.2020) | Dohkkehuvvon árvosátni dovdosis árvosátneskálás: kodat IN9999 (olahuvvon 01.08.2019 rájes)",
    })
    void everyKindAndFilterInEachLanguage(String language, String any, String credits, String passed, String grade,
            String gradePass) {
        RequirementProfile profile = ProfileParser.parse("words.json", ("{'id': 'words', 'version': 1, 'receivers': ['*'],"
                + " 'title': {'en': 'Words', 'nb': 'Ord'}, 'require': {'any': ["
                + "{'credits': {'atLeast': 7.5, 'courseCodes': ['IN1000', 'IN2010'], 'iscedCodes': ['0613']}},"
                + "{'passed': {'codes': ['EXPHIL03'], 'titlePatterns': ['^ex(amen)?\\\\s*phil'], 'issuerCountries': ['SE', 'NO'],"
                + " 'issuerInRegistry': true}},"
                + "{'grade': {'codes': ['MAT1100', 'MAT1110'], 'atLeast': 'c', 'minCount': 2, 'achievedFrom': '2015-01-01',"
                + " 'achievedTo': '2020-12-31'}},"
                + "{'grade': {'codes': ['IN9999'], 'atLeast': 'passed', 'achievedFrom': '2019-08-01'}}]}}").replace('\'', '"'));
        Locale locale = Locale.forLanguageTag(language);
        List<Item> items = ProfileWords.describe(profile, locale);
        assertEquals(1, items.size());
        assertEquals(any, items.get(0).text());
        assertEquals(List.of(credits, passed, grade, gradePass), items.get(0).items().stream().map(Item::text).toList());
        // nn and se have no title of their own here: they fall back to bokmål, as every text does.
        assertEquals(language.equals("en") ? "Words" : "Ord", ProfileWords.title(profile, locale));
    }

    @Test
    void qualificationWithoutLevelAndSeveralPassedResults() {
        RequirementProfile profile = ProfileParser.parse("words.json", ("{'id': 'w', 'version': 1, 'receivers': ['*'],"
                + " 'title': {'en': 'W'}, 'require': {'all': [{'qualification': {'achievedTo': '2020-06-30'}},"
                + " {'passed': {'codes': ['A', 'B', 'C'], 'minCount': 2}}]}}").replace('\'', '"'));
        List<Item> items = ProfileWords.describe(profile, Locale.ENGLISH).get(0).items();
        assertEquals("A completed qualification (a degree or programme) (achieved on or before 2020-06-30)",
                items.get(0).text());
        assertEquals("At least 2 passed results: the codes A, B, C", items.get(1).text());
    }
}
