package org.edurecords.ncp.elmo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.ElmoXPath;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** What the ELMO answer of a real transfer carries, field by field, from the demo data over HTTP. */
@QuarkusTest
class ElmoContentTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn";
    private static final String DEGREE = "//e:learningOpportunitySpecification[e:identifier='B-IFI-PROSA']";

    static ElmoXPath transfer(String sessionId, Map<String, List<String>> selection) {
        DemoFlow flow = new DemoFlow(sessionId, RETURN_URL).start();
        assertEquals(303, flow.login("anna", "demo").statusCode());
        flow.selectionPage();
        assertEquals(303, flow.select(selection).statusCode());
        Map<String, String> fields = DemoFlow.answerFields(flow.confirm(), RETURN_URL);
        assertEquals("NCP_OK", fields.get("returnCode"));
        Document document = ElmoChecks.parse(ElmoChecks.decodeAndCheck(fields.get("elmo")));
        return new ElmoXPath(document);
    }

    @Test
    void wholeDegreeCarriesLevelsDiplomaNumberAndItsDiplomaSupplement() {
        ElmoXPath elmo = transfer("whole-degree", Map.of("group", List.of("100")));

        // Issuer: every identifier and every name the directory has, each tagged with its language.
        assertEquals(List.of("uio.no", "N OSLO01"), elmo.texts("//e:report[1]/e:issuer/e:identifier"));
        assertEquals(List.of("schac", "erasmus"), elmo.texts("//e:report[1]/e:issuer/e:identifier/@type"));
        assertEquals(List.of("en", "nb", "nn", "se"), elmo.texts("//e:report[1]/e:issuer/e:title/@xml:lang"));
        assertEquals("Oslo universitehta", elmo.text("//e:report[1]/e:issuer/e:title[@xml:lang='se']"));
        assertEquals(List.of("en", "nb", "nn"), elmo.texts("//e:report[1]/e:gradingScheme[@localId='AF']/e:description/@xml:lang"));

        String degree = DEGREE + "/e:specifies/e:learningOpportunityInstance";
        assertEquals(List.of("en", "nb", "nn"), elmo.texts(DEGREE + "/e:title/@xml:lang"));
        assertEquals("Degree Programme", elmo.text(DEGREE + "/e:type"));
        assertEquals(List.of("EQF", "NQF-NO"), elmo.texts(degree + "/e:level/e:type"));
        assertEquals(List.of("6", "6"), elmo.texts(degree + "/e:level/e:value"));
        assertEquals("Bachelor's degree level", elmo.text(degree + "/e:level[1]/e:description"));
        assertEquals("UIO-BA-2020-104711", elmo.text(degree + "/e:identifier[@type='diplomaNumber']"));
        assertEquals(0, elmo.count(degree + "/e:academicTerm"), "no term on a multi-term programme");
        assertEquals(0, elmo.count(degree + "/e:credit"), "no ECTS on the degree: its courses carry them");

        // The Diploma Supplement travels in the report and the degree refers to it.
        assertEquals("DS-B-IFI-PROSA", elmo.text(degree + "/e:attachments/e:ref"));
        String attachment = "//e:report[1]/e:attachment[e:identifier='DS-B-IFI-PROSA']";
        assertEquals("Diploma Supplement", elmo.text(attachment + "/e:type"));
        assertEquals("internal", elmo.text(attachment + "/e:identifier/@type"));
        String content = elmo.text(attachment + "/e:content");
        assertTrue(content.startsWith("data:application/pdf;base64,"), content);
        byte[] pdf = Base64.getDecoder().decode(content.substring(content.indexOf(',') + 1));
        assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.US_ASCII));
        // ... and the EMREX transcript stays the first elmo-level attachment.
        assertEquals("EMREX transcript", elmo.text("/e:elmo/e:attachment[1]/e:type"));
    }

    @Test
    void coursesCarryTermCreditsWithTheSourceDecimalsWorkloadAndGradeDistribution() {
        ElmoXPath elmo = transfer("courses", Map.of("lo", List.of("101", "113", "121")));

        String searchTechnology = "//e:learningOpportunitySpecification[e:identifier='IN3120']/e:specifies"
                + "/e:learningOpportunityInstance";
        assertEquals(List.of("Spring 2020", "Vår 2020"), elmo.texts(searchTechnology + "/e:academicTerm/e:title"));
        assertEquals(List.of("en", "nb"), elmo.texts(searchTechnology + "/e:academicTerm/e:title/@xml:lang"));
        assertEquals("2020-01-01", elmo.text(searchTechnology + "/e:academicTerm/e:start"));
        assertEquals("2020-06-30", elmo.text(searchTechnology + "/e:academicTerm/e:end"));
        assertEquals("7.5", elmo.text(searchTechnology + "/e:credit/e:value"), "the decimals the source has");
        assertEquals("ects", elmo.text(searchTechnology + "/e:credit/e:scheme"));
        assertEquals("202.5", elmo.text(searchTechnology + "/e:engagementHours"));
        assertEquals("en", elmo.text(searchTechnology + "/e:languageOfInstruction"));
        assertEquals("81.25", elmo.text(searchTechnology + "/e:shortenedGrading/e:percentageLower"));
        assertEquals("18.75", elmo.text(searchTechnology + "/e:shortenedGrading/e:percentageEqual"));
        assertEquals("0.00", elmo.text(searchTechnology + "/e:shortenedGrading/e:percentageHigher"));
        assertEquals(List.of("A", "B", "C", "D", "E", "F"),
                elmo.texts(searchTechnology + "/e:resultDistribution/e:category/@label"));
        assertEquals("5", elmo.text(searchTechnology + "/e:resultDistribution/e:category[@label='F']/@count"),
                "failed students are part of the distribution");
        assertEquals(0, elmo.count(searchTechnology + "/e:resultDistribution/e:description"),
                "no description where the source has none");

        String algorithms = "//e:learningOpportunitySpecification[e:identifier='IN2010']/e:specifies"
                + "/e:learningOpportunityInstance";
        assertEquals(List.of("en", "nb"), elmo.texts(algorithms + "/e:resultDistribution/e:description/@xml:lang"));
        String exphil = "//e:learningOpportunitySpecification[e:identifier='EXPHIL03']";
        assertEquals("10.0", elmo.text(exphil + "/e:specifies/e:learningOpportunityInstance/e:credit/e:value"));
        assertEquals(List.of("en", "nb", "la"), elmo.texts(exphil + "/e:title/@xml:lang"));
        assertEquals(0, elmo.count(exphil + "/e:specifies/e:learningOpportunityInstance/e:shortenedGrading"));

        // The degree is there only as the courses' ancestor: its Diploma Supplement, which lists every
        // course of the degree, is not part of what the student chose.
        assertEquals(1, elmo.count(DEGREE));
        assertEquals(0, elmo.count("//e:report/e:attachment"));
        assertEquals(0, elmo.count("//e:attachments"));
        // Learner identifiers stay out unless the operator allows them.
        assertEquals(0, elmo.count("/e:elmo/e:learner/e:identifier"));
        assertEquals("NO", elmo.text("/e:elmo/e:learner/e:citizenship"));
    }
}
