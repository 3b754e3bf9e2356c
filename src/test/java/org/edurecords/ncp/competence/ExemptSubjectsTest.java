package org.edurecords.ncp.competence;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.results.ResultStatus;
import org.edurecords.ncp.support.AdminApi;
import org.edurecords.ncp.support.EvidenceSchema;
import org.edurecords.ncp.web.TextBundle;
import org.junit.jupiter.api.Test;

/**
 * A diploma subject the learner was exempted from (fritatt, e.g. the second written Norwegian): imported over the
 * admin API as the grade {@code exempt} on either scale, shown as a word in the reader's language, a passed course
 * without a grade in ELMO, and valid evidence by the published schema.
 */
@QuarkusTest
class ExemptSubjectsTest {

    private static final String PERSON = "\"nationalIdentifier\":\"30119912345\",\"givenNames\":\"Nora\","
            + "\"familyName\":\"Fritak\",\"birthDate\":\"1999-11-30\"";

    @Inject
    Credentials credentials;

    @Inject
    ObjectMapper json;

    private static JsonPath importing(String body) {
        return given().header("Authorization", "Bearer " + AdminApi.TOKEN).contentType(ContentType.JSON).body(body)
                .post("/admin/competence/import").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void anExemptSubjectIsImportedShownAndCarriedAsPassedWithoutAGrade() throws Exception {
        JsonPath report = importing("""
                {"source":"test-exempt","credentials":[
                 {"sourceKey":"VM-1",%1$s,"kind":"upper-secondary","title":{"nb":"Vitnemål"},
                  "issuer":{"name":"Oslo kommune","country":"NO"},"issuedOn":"2018-06-20",
                  "details":{"programme":{"nb":"Studiespesialisering"},"subjects":[
                    {"code":"NOR1211","title":{"nb":"Norsk hovedmål, skriftlig"},"grade":"4","scale":"1-6"},
                    {"code":"NOR1212","title":{"nb":"Norsk sidemål, skriftlig"},"grade":"exempt","scale":"1-6"},
                    {"code":"KRO1019","title":{"nb":"Kroppsøving"},"grade":"exempt","scale":"pass-fail"}]}},
                 {"sourceKey":"VM-2",%1$s,"kind":"upper-secondary","title":{"nb":"Vitnemål"},
                  "issuer":{"name":"Oslo kommune"},"details":{"subjects":[
                    {"code":"NOR1212","grade":"fritatt","scale":"1-6"},{"code":"KRO1019","grade":"F","scale":"pass-fail"}]}}
                ]}""".formatted(PERSON));
        assertEquals(1, report.getInt("created") + report.getInt("unchanged"), report.prettify());
        List<String> problems = report.getList("credentials[1].problems");
        assertEquals(List.of("details.subjects[0].grade must be 1 to 6, or exempt, on the 1-6 scale",
                "details.subjects[1].grade must be passed, failed or exempt on the pass-fail scale"), problems);

        Credential diploma = credentials.find("test-exempt", "VM-1").orElseThrow();
        List<CredentialDetails.Subject> subjects = diploma.details(CredentialDetails.UpperSecondary.class).subjects();
        assertEquals(List.of(false, true, true), subjects.stream().map(CredentialDetails.Subject::exempt).toList());

        // The page and the PDF: a word of the reader's language on either scale, a number otherwise.
        for (String language : List.of("en", "nb", "nn", "se")) {
            Locale locale = Locale.forLanguageTag(language);
            CompetenceViews.Table table = CompetenceViews.group(List.of(diploma), LocalDate.of(2026, 12, 1), locale)
                    .get(0).credentials().get(0).table();
            int grade = table.columnKeys().indexOf("comp_grade");
            List<CompetenceViews.Cell> grades = table.rows().stream().map(row -> row.get(grade)).toList();
            assertEquals("4", grades.get(0).text());
            assertEquals("comp_grade_exempt", grades.get(1).key(), language);
            assertEquals("comp_grade_exempt", grades.get(2).key(), language);
            String word = TextBundle.of("comp", locale).find("comp_grade_exempt");
            assertTrue(word != null && !word.isBlank(), language);
        }
        assertEquals("Fritatt", TextBundle.of("comp", Locale.forLanguageTag("nb")).get("comp_grade_exempt"));

        // ELMO: passed courses with the label "exempt" and no grade scale of their own to misread; the diploma stays
        // a complete qualification (EQF level 4), as an exemption does not make it a certificate of competence.
        InstitutionResults issuer = CredentialResults.of(List.of(diploma), Set.of(CredentialKind.UPPER_SECONDARY),
                LocalDate.of(2026, 12, 1), "http://localhost").get(0);
        LearningOpportunity programme = issuer.roots().get(0);
        assertFalse(programme.result().levels().isEmpty(), "a complete diploma keeps its level");
        List<LearningOpportunity> courses = programme.children();
        assertEquals(List.of(ResultStatus.PASSED, ResultStatus.PASSED, ResultStatus.PASSED),
                courses.stream().map(c -> c.result().status()).toList());
        assertEquals(List.of("4", "exempt", "exempt"), courses.stream().map(c -> c.result().grade()).toList());

        // The evidence of the person's credentials is valid by the published schema.
        Learner nora = new Learner(0, "Nora", "Fritak", LocalDate.of(1999, 11, 30), "30119912345", "NO", null);
        String evidence = json.writeValueAsString(CompetenceEvidence.of(nora, List.of(diploma), Instant.now(),
                LocalDate.of(2026, 12, 1), "Test NCP", "http://localhost"));
        assertTrue(EvidenceSchema.errors(evidence).isEmpty(), EvidenceSchema.errors(evidence).toString());
        assertTrue(evidence.contains("\"grade\":\"exempt\""), evidence);
    }
}
