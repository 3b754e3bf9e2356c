package org.edurecords.ncp.transfer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.ElmoXPath;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.EvidenceSchema;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.FrozenClock;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials in EMREX transfers (docs/competence.md): upper-secondary and vocational results are selected like any
 * result and travel in ELMO as the learning results of their issuer; licences, authorisations and recognition
 * decisions never do, and reach an EMREX 2.0 client that asks for them as the signed JSON evidence.
 */
@QuarkusTest
class TransferCredentialsTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn";

    @TestHTTPResource("/")
    URL base;

    @BeforeEach
    void freeze() {
        FrozenClock.install();
    }

    @Test
    void annasDiplomaIsSelectedInEmrex1AndTravelsInElmoAsTheLearningResultsOfHerSchool() throws Exception {
        FlowClient owner = new FlowClient().portalLogin("anna");
        long schoolDisclosuresBefore = schoolDisclosures(owner);
        DemoFlow flow = new DemoFlow("diploma-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, flow.login("anna", "demo").statusCode());
        Document selection = FlowClient.html(flow.selectionPage());
        var school = selection.select("fieldset.institution").stream()
                .filter(f -> f.selectFirst("legend").text().contains("Oslo katedralskole")).findFirst().orElseThrow();
        assertTrue(school.text().contains("Engelsk") || school.text().contains("English"), school.text());
        // A pass/fail subject's grade is a word of the page's language, not ELMO's token "passed".
        String language = selection.selectFirst("html").attr("lang");
        String gymGrade = school.select("tr").stream().filter(r -> r.text().contains("KRO1019")).findFirst()
                .orElseThrow().selectFirst("td[data-label=Grade], td[data-label=Karakter]").text();
        assertEquals(org.edurecords.ncp.web.TextBundle.of("comp", java.util.Locale.forLanguageTag(language))
                .find("comp_grade_passed"), gymGrade, language);
        // A licence is no learning result: EMREX 1.0 never offers it.
        assertTrue(selection.select("input[name=credential]").isEmpty());
        assertFalse(selection.text().contains("AM146"));

        String institutionBox = school.selectFirst("input[name=institution]").attr("value");
        flow.select(Map.of("institution", List.of(institutionBox))).then().statusCode(303);
        Document preview = FlowClient.html(flow.preview());
        assertTrue(preview.text().contains("Oslo katedralskole"), "the preview shows what is sent");

        Map<String, String> fields = DemoFlow.answerFields(flow.confirm(), RETURN_URL);
        assertEquals("NCP_OK", fields.get("returnCode"));
        // Schema-valid (the official schema), the product's ELMO rules, the signature checked by the JDK.
        byte[] xml = ElmoChecks.decodeAndCheck(fields.get("elmo"));
        org.w3c.dom.Document doc = ElmoChecks.parse(xml);
        ElmoXPath x = new ElmoXPath(doc);
        assertEquals(1, x.count("/e:elmo/e:report"));
        String issuer = "/e:elmo/e:report/e:issuer";
        assertEquals("974590018", x.text(issuer + "/e:identifier[@type='organisation-number']"));
        assertEquals("", x.text(issuer + "/e:identifier[@type='schac']"), "a school has no SCHAC code");
        assertEquals("NO", x.text(issuer + "/e:country"));
        assertEquals("https://data.brreg.no/enhetsregisteret/oppslag/enheter/974590018",
                x.text(issuer + "/e:url"));

        String diploma = "/e:elmo/e:report/e:learningOpportunitySpecification";
        assertEquals("Degree Programme", x.text(diploma + "/e:type"));
        assertEquals("Vitnemål for videregående opplæring, studiespesialisering",
                x.text(diploma + "/e:title[@xml:lang='nb']"));
        String instance = diploma + "/e:specifies/e:learningOpportunityInstance";
        assertEquals("EQF", x.text(instance + "/e:level/e:type"));
        assertEquals("4", x.text(instance + "/e:level/e:value"));
        assertEquals("2017-06-21", x.text(instance + "/e:date"));

        String english = diploma + "/e:hasPart/e:learningOpportunitySpecification[e:identifier='ENG1007']";
        assertEquals("Course", x.text(english + "/e:type"));
        String englishResult = english + "/e:specifies/e:learningOpportunityInstance";
        assertEquals("6", x.text(englishResult + "/e:resultLabel"));
        assertEquals("1-6", x.text(englishResult + "/e:gradingSchemeLocalId"));
        assertEquals("140", x.text(englishResult + "/e:engagementHours"), "hours as workload");
        assertEquals("", x.text(englishResult + "/e:credit"), "no ECTS on school subjects");
        // The grading schemes are described, in the four languages.
        assertTrue(x.text("/e:elmo/e:report/e:gradingScheme[@localId='1-6']/e:description[@xml:lang='en']")
                .contains("6 (exceptional competence, the highest)"));
        assertEquals(4, x.count("/e:elmo/e:report/e:gradingScheme[@localId='1-6']/e:description"));
        String gym = diploma + "/e:hasPart/e:learningOpportunitySpecification[e:identifier='KRO1019']"
                + "/e:specifies/e:learningOpportunityInstance";
        assertEquals("pass-fail", x.text(gym + "/e:gradingSchemeLocalId"));
        assertEquals("passed", x.text(gym + "/e:status"));
        // The PDF transcript writes that grade as a word of its language too.
        String content = x.text("/e:elmo/e:attachment[1]/e:content");
        byte[] pdf = java.util.Base64.getDecoder().decode(content.substring(content.indexOf(',') + 1));
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
            String line = text.lines().filter(l -> l.contains("KRO1019")).findFirst()
                    .orElseThrow(() -> new AssertionError(text));
            // Date, grade, (no credits), status: the grade is the word, the status column has its own.
            String word = org.edurecords.ncp.web.TextBundle.of("comp", java.util.Locale.forLanguageTag(language))
                    .find("comp_grade_passed");
            assertTrue(line.contains("2017-06-21 " + word + " "), line);
        }
        // Norwegian, graded twice: one course of the school, the written exam its class.
        String norwegian = diploma + "/e:hasPart/e:learningOpportunitySpecification[e:identifier='NOR1211']";
        assertEquals(1, x.count(norwegian));
        assertEquals("5", x.text(norwegian + "/e:specifies/e:learningOpportunityInstance/e:resultLabel"));
        String exam = norwegian + "/e:hasPart/e:learningOpportunitySpecification";
        assertEquals("Class", x.text(exam + "/e:type"));
        assertEquals("Skriftlig eksamen", x.text(exam + "/e:title[@xml:lang='nb']"));
        assertEquals("4", x.text(exam + "/e:specifies/e:learningOpportunityInstance/e:resultLabel"));

        // The ledger names the school's results as it names any: one more transfer of her English grade.
        assertEquals(schoolDisclosuresBefore + 1, schoolDisclosures(owner));
    }

    /** The owner's ledger events that disclosed her English grade from her upper-secondary school. */
    private static long schoolDisclosures(FlowClient owner) {
        List<Map<String, Object>> events = owner.get("/my-results/ledger/export.json").jsonPath().getList("events");
        return events.stream().filter(e -> "EMREX_TRANSFER".equals(e.get("kind")))
                .filter(e -> ((List<?>) e.get("results")).stream().map(r -> (Map<?, ?>) r)
                        .anyMatch(r -> "Oslo katedralskole, Oslo kommune".equals(r.get("institution"))
                                && "ENG1007".equals(r.get("code"))))
                .count();
    }

    @Test
    void dagnysJourneymanCertificateIsAResultButHerRevokedAuthorisationIsNot() throws Exception {
        DemoFlow flow = new DemoFlow("journeyman-" + System.nanoTime(), RETURN_URL).start();
        // Dagny has no higher education; her certificate alone makes the flow one with results.
        assertEquals(303, flow.login("dagny", "demo").statusCode());
        Document selection = FlowClient.html(flow.selectionPage());
        assertTrue(selection.text().contains("Troms fylkeskommune"), selection.text());
        assertFalse(selection.text().contains("Helsefagarbeider") || selection.text().contains("health worker"),
                "an authorisation is never an ELMO result");
        List<String> offered = selection.select("input[name=lo]").eachAttr("value");
        assertEquals(1, offered.size(), "one certificate, no parts");
        flow.select(Map.of("lo", offered)).then().statusCode(303);
        byte[] xml = ElmoChecks.decodeAndCheck(DemoFlow.answerFields(flow.confirm(), RETURN_URL).get("elmo"));
        org.w3c.dom.Document doc = ElmoChecks.parse(xml);
        ElmoXPath x = new ElmoXPath(doc);
        String certificate = "/e:elmo/e:report/e:learningOpportunitySpecification";
        assertEquals("Sveinebrev, tømrarfaget", x.text(certificate + "/e:title[@xml:lang='nn']"));
        String instance = certificate + "/e:specifies/e:learningOpportunityInstance";
        assertEquals("SV-2012-0042", x.text(instance + "/e:identifier[@type='certificate-number']"));
        assertEquals("4", x.text(instance + "/e:level[e:type='EQF']/e:value"));
        assertEquals("pass-fail", x.text(instance + "/e:gradingSchemeLocalId"));
        assertEquals("passed", x.text(instance + "/e:status"));
    }

    @Test
    void anEmrex2ClientAskingForLicencesGetsTheSignedJsonEvidenceAndNoElmo() throws Exception {
        Map<String, Long> licenceDisclosuresBefore = licenceDisclosures(new FlowClient().portalLogin("anna"));
        Emrex2Client client = new Emrex2Client(base.toString()).startAndLogin("anna", "demo", "licences");
        assertEquals(303, client.login.statusCode(), client.login.asString());
        Document selection = FlowClient.html(client.browser.get(client.flowPath + "/select"));
        // Only what the scope asks for: no results of universities or schools, the licence as a credential.
        assertTrue(selection.select("input[name=lo]").isEmpty(), "no learning results in this scope");
        List<String> credentials = selection.select("input[name=credential]").eachAttr("value");
        assertEquals(1, credentials.size(), selection.select("#credential-choices").text());

        // Ticking nothing is refused as for results.
        assertEquals(422, client.browser.post(client.flowPath + "/select", Map.of()).statusCode());
        // An id that was not offered is ignored: only the offered licence is kept.
        Response selected = client.browser.post(client.flowPath + "/select",
                Map.of("credential", List.of(credentials.get(0), "9d7c2a10-0000-4000-8000-000000000004")));
        assertEquals(303, selected.statusCode());
        Document preview = FlowClient.html(client.browser.get(client.flowPath + "/preview"));
        assertTrue(preview.select("#competence article.credential").size() == 1, preview.text());
        assertTrue(preview.text().contains("Førerkort") || preview.text().contains("Driving licence"));

        Response confirmed = client.confirm();
        assertEquals(303, confirmed.statusCode(), confirmed.asString());
        String code = client.redirectParameters(confirmed.header("Location")).get("code");
        Response token = client.token(code);
        assertEquals(200, token.statusCode(), token.asString());
        assertEquals("licences", token.jsonPath().getString("scope"));
        String accessToken = token.jsonPath().getString("access_token");

        Response evidence = Emrex2Client.results(accessToken, "data_format=competence&data_format_version=1.0");
        assertEquals(200, evidence.statusCode(), evidence.asString());
        assertTrue(evidence.contentType().startsWith("application/json"), evidence.contentType());
        assertTrue(Emrex2Client.signatureValid(evidence, Emrex2Client.publishedCertificate()),
                "X-Signature over the exact body, checked with the JDK");
        String json = new String(evidence.asByteArray(), StandardCharsets.UTF_8);
        assertEquals(List.of(), EvidenceSchema.errors(json), json);
        JsonPath body = evidence.jsonPath();
        assertEquals(List.of("licence"), body.getList("credentials.kind"));
        assertEquals(List.of("AM146", "B"), body.getList("credentials[0].details.categories.category"));
        assertEquals("Anna Kristine", body.getString("learner.givenNames"));
        assertFalse(json.contains("17049812345") || json.contains("nationalIdentifier"), "no identity numbers");

        // Nothing in ELMO was consented to: the elmo format answers 204, signed.
        Response elmo = Emrex2Client.results(accessToken, "data_format=elmo");
        assertEquals(204, elmo.statusCode());
        assertTrue(Emrex2Client.signatureValid(elmo, Emrex2Client.publishedCertificate()));
        assertEquals(400, Emrex2Client.results(accessToken, "data_format=competence&data_format_version=2.0")
                .statusCode());

        // The owner's ledger names the licence in the consent and in the retrieval.
        FlowClient owner = new FlowClient().portalLogin("anna");
        assertEquals(licenceDisclosuresBefore.get("EMREX_TRANSFER") + 1, licenceDisclosures(owner).get("EMREX_TRANSFER"));
        assertEquals(licenceDisclosuresBefore.get("EMREX2_RETRIEVAL") + 1,
                licenceDisclosures(owner).get("EMREX2_RETRIEVAL"));
    }

    /** The owner's ledger events, by kind, that disclosed her driving licence. */
    private static Map<String, Long> licenceDisclosures(FlowClient owner) {
        List<Map<String, Object>> events = owner.get("/my-results/ledger/export.json").jsonPath().getList("events");
        Map<String, Long> counts = new java.util.HashMap<>(Map.of("EMREX_TRANSFER", 0L, "EMREX2_RETRIEVAL", 0L));
        events.stream().filter(e -> ((List<?>) e.get("results")).stream().map(r -> (Map<?, ?>) r)
                .anyMatch(r -> "Statens vegvesen".equals(r.get("institution")) && "licence".equals(r.get("code"))))
                .forEach(e -> counts.merge(String.valueOf(e.get("kind")), 1L, Long::sum));
        return counts;
    }

    @Test
    void aScopeOfUpperSecondaryResultsGivesTheDiplomaInElmoAndNothingElse() throws Exception {
        Emrex2Client client = new Emrex2Client(base.toString()).startAndLogin("anna", "demo", "upper-secondary-results");
        Document selection = FlowClient.html(client.browser.get(client.flowPath + "/select"));
        assertEquals(List.of("Oslo katedralskole, Oslo kommune"),
                selection.select("fieldset.institution > legend").eachText());
        assertTrue(selection.select("input[name=credential]").isEmpty());
        client.selectAll();
        Response confirmed = client.confirm();
        String code = client.redirectParameters(confirmed.header("Location")).get("code");
        String accessToken = client.token(code).jsonPath().getString("access_token");
        Response elmo = Emrex2Client.results(accessToken, "data_format=elmo");
        assertEquals(200, elmo.statusCode());
        org.w3c.dom.Document doc = ElmoChecks.parse(elmo.asByteArray());
        ElmoChecks.assertValid(doc);
        assertTrue(ElmoChecks.verify(doc).valid());
        ElmoXPath x = new ElmoXPath(doc);
        assertEquals("974590018", x.text("/e:elmo/e:report/e:issuer/e:identifier"));
        assertEquals(204, Emrex2Client.results(accessToken, "data_format=competence").statusCode(),
                "no credentials outside ELMO were consented to");
    }
}
