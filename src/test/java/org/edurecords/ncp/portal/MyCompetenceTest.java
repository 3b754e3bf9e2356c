package org.edurecords.ncp.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

import org.edurecords.ncp.support.FlowClient;

/**
 * The owner's page shows the credentials besides higher-education results, over HTTP with the demo data: grouped by
 * kind, each kind with its own facts and table, the status where it speaks, in the four languages.
 */
@QuarkusTest
class MyCompetenceTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en | My competence | Upper-secondary education | Licences | Norwegian, first written language | Overall achievement | Passed | Category",
        "nb | Min kompetanse | Videregående opplæring | Førerkort og sertifikater | Norsk hovedmål | Standpunkt | Bestått | Klasse",
        "nn | Min kompetanse | Vidaregåande opplæring | Førarkort og sertifikat | Norsk hovudmål | Standpunkt | Bestått | Klasse",
        "se | Mu gelbbolašvuohta | Joatkkaskuvla | Vuodjinkoarttat ja sertifikáhtat | Norsk hovedmål | Oppalašárvosátni | Dohkkehuvvon | Klássa",
    })
    void annaSeesHerDiplomaAndDrivingLicenceInHerLanguage(String lang, String pageTitle, String schoolHeading,
            String licenceHeading, String subject, String overall, String passed, String category) {
        Document page = FlowClient.html(login("anna").get("/my-results?lang=" + lang));
        assertEquals(pageTitle, page.selectFirst("h1").text(), "My results is My competence");
        assertNotNull(page.selectFirst("table.results td.title"), "her higher-education results are still there");
        Element competence = page.getElementById("competence");
        assertNotNull(competence, page.outerHtml());
        List<String> kinds = competence.select("section.credential-kind").eachAttr("data-kind");
        assertEquals(List.of("upper-secondary", "licence"), kinds);
        assertEquals(schoolHeading, competence.selectFirst("#kind-upper-secondary").text());
        assertEquals(licenceHeading, competence.selectFirst("#kind-licence").text());

        Element diploma = competence.selectFirst("section[data-kind=upper-secondary] article.credential");
        assertNull(diploma.selectFirst(".credential-status"), "a diploma that stands has no status to show");
        List<Element> rows = diploma.select("table.credential-table tbody tr");
        assertEquals(7, rows.size());
        // The subject has no North Sámi title: se falls back to bokmål (ADR 0006).
        assertEquals(subject, rows.get(0).select("td").get(1).text());
        assertEquals("5", rows.get(0).select("td").get(2).text());
        assertEquals(overall, rows.get(0).select("td").get(4).text());
        assertEquals(passed, rows.get(6).select("td").get(2).text(), "a pass/fail grade in words");
        // Exempted from the second written Norwegian (ADR 0873): a word of the page's language, not the token.
        assertEquals("NOR1212", rows.get(2).select("td").get(0).text());
        String exempt = rows.get(2).select("td").get(2).text();
        assertEquals(org.edurecords.ncp.web.TextBundle.of("comp", java.util.Locale.forLanguageTag(lang))
                .find("comp_grade_exempt"), exempt);
        assertFalse(exempt.equals("exempt"), exempt);
        assertEquals(rows.get(0).select("td").get(2).attr("data-label"),
                diploma.select("table.credential-table thead th").get(2).text(), "each cell names its column");

        Element licence = competence.selectFirst("section[data-kind=licence] article.credential");
        assertNotNull(licence.selectFirst(".credential-status"), "a licence always says where it stands");
        assertFalse(licence.hasClass("not-current"));
        assertEquals(category, licence.select("table.credential-table thead th").get(0).text());
        assertEquals(List.of("AM146", "B"), licence.select("table.credential-table tbody tr td:first-child").eachText());
    }

    @Test
    void dagnyWithoutHigherEducationSeesHerCertificateAndTheRevokedAuthorisation() {
        FlowClient dagny = login("dagny");
        Document page = FlowClient.html(dagny.get("/my-results?lang=en"));
        assertNull(page.getElementById("no-results"), "credentials are results to show");
        assertNotNull(page.getElementById("share-link"), "credentials can be shared by link");
        assertEquals("/my-results/transcript.pdf", page.getElementById("own-pdf").attr("href"),
                "a PDF of her credentials (OwnDocumentsTest)");
        assertNull(page.getElementById("own-elmo"), "no ELMO of higher-education results she does not have");
        assertNotNull(page.getElementById("ledger-link"));
        assertEquals("/my-results/competence.json", page.getElementById("own-competence").attr("href"));
        Element competence = page.getElementById("competence");
        assertEquals(List.of("vocational", "authorisation"),
                competence.select("section.credential-kind").eachAttr("data-kind"));
        Element certificate = competence.selectFirst("section[data-kind=vocational] article.credential");
        assertEquals("Journeyman certificate, carpentry", certificate.selectFirst("h4").text());
        Map<String, String> facts = facts(certificate);
        assertEquals("Carpentry", facts.get("Trade"));
        assertEquals("Prøvenemnda for tømrerfaget i Troms", facts.get("Examining board"));
        assertEquals("Troms fylkeskommune", facts.get("Issued by"));

        Element authorisation = competence.selectFirst("section[data-kind=authorisation] article.credential");
        assertTrue(authorisation.hasClass("not-current"));
        assertEquals("Revoked since 2023-09-01", authorisation.selectFirst(".credential-status").text());
        assertEquals("Health worker", facts(authorisation).get("Profession"));
        Document nb = FlowClient.html(dagny.get("/my-results?lang=nb"));
        assertEquals("Tilbakekalt fra 01.09.2023",
                nb.selectFirst("section[data-kind=authorisation] .credential-status").text());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "en | Trade and journeyman certificates | Trade | Authorisations and certifications | Revoked | Recognition of foreign education | Equivalent to",
        "nb | Fag- og svennebrev | Fag | Autorisasjoner og sertifiseringer | Tilbakekalt | Godkjenning av utenlandsk utdanning | Tilsvarer",
        "nn | Fag- og sveinebrev | Fag | Autorisasjonar og sertifiseringar | Tilbakekalla | Godkjenning av utanlandsk utdanning | Svarar til",
        "se | Fága- ja sveaidnareivvet | Fága | Autorisašuvnnat ja sertifiseremat | Geassádus | Olgoriikkalaš oahpu dohkkeheapmi | Vástida",
    })
    void everyKindIsShownInEachLanguage(String lang, String vocational, String trade, String authorisations,
            String revoked, String recognition, String equivalence) {
        Document dagny = FlowClient.html(login("dagny").get("/my-results?lang=" + lang));
        assertEquals(vocational, dagny.selectFirst("#kind-vocational").text());
        Element certificate = dagny.selectFirst("section[data-kind=vocational] article.credential");
        assertTrue(facts(certificate).containsKey(trade), facts(certificate).toString());
        assertEquals(authorisations, dagny.selectFirst("#kind-authorisation").text());
        assertTrue(dagny.selectFirst("section[data-kind=authorisation] .credential-status").text().startsWith(revoked),
                dagny.selectFirst("section[data-kind=authorisation] .credential-status").text());
        Document carla = FlowClient.html(login("carla").get("/my-results?lang=" + lang));
        assertEquals(recognition, carla.selectFirst("#kind-recognition").text());
        Element decision = carla.selectFirst("section[data-kind=recognition] article.credential");
        assertEquals("bachelor", facts(decision).get(equivalence));
    }

    @Test
    void carlasRecognitionDecisionNamesTheForeignQualificationAndItsEquivalence() {
        Document page = FlowClient.html(login("carla").get("/my-results?lang=en"));
        Element decision = page.selectFirst("section[data-kind=recognition] article.credential");
        assertNotNull(decision, page.outerHtml());
        Map<String, String> facts = facts(decision);
        assertEquals("Bachelor of Science (Hons) in Computing, University of Edinburgh", facts.get("Foreign qualification"));
        assertEquals("United Kingdom", facts.get("Country"));
        assertEquals("bachelor", facts.get("Equivalent to"));
        assertEquals("180", facts.get("Credits granted"));
    }

    @Test
    void theOwnersEvidenceFileFollowsItsSchemaAndIsSigned() throws Exception {
        FlowClient dagny = login("dagny");
        io.restassured.response.Response evidence = dagny.get("/my-results/competence.json");
        assertEquals(200, evidence.statusCode(), evidence.asString());
        assertTrue(evidence.contentType().startsWith("application/json"), evidence.contentType());
        byte[] body = evidence.asByteArray();
        // The X-Signature over the exact bytes, checked with the JDK alone against this NCP's certificate.
        org.edurecords.ncp.verify.DetachedSignature.Verdict verdict = org.edurecords.ncp.verify.DetachedSignature
                .verify(evidence.header("X-Signature"), body, List.of(org.edurecords.ncp.support.ElmoChecks.exampleCertificate()));
        assertTrue(verdict.valid(), verdict.describe());

        String json = new String(body, java.nio.charset.StandardCharsets.UTF_8);
        com.networknt.schema.Schema schema = schema();
        List<com.networknt.schema.Error> errors = schema.validate(json, com.networknt.schema.InputFormat.JSON);
        assertEquals(List.of(), errors, json);
        io.restassured.path.json.JsonPath read = evidence.jsonPath();
        assertEquals("competence", read.getString("format"));
        assertEquals("Eriksen Utsi", read.getString("learner.familyName"));
        assertNull(read.get("learner.nationalIdentifier"), "no identity numbers");
        assertEquals(List.of("vocational", "authorisation"), read.getList("credentials.kind"));
        assertEquals("revoked", read.getString("credentials[1].status"));
        assertEquals(List.of("valid", "revoked"), read.getList("credentials[1].history.status"));
        assertEquals("Carpentry", read.getString("credentials[0].details.trade.en"));

        // The schema is no formality: a status it does not know, or a detail of another kind, is refused.
        assertFalse(schema.validate(json.replace("\"revoked\"", "\"lost\""), com.networknt.schema.InputFormat.JSON)
                .isEmpty());
        assertFalse(schema.validate(json.replace("\"examiningBoard\"", "\"profession\""),
                com.networknt.schema.InputFormat.JSON).isEmpty());
        // Anna's diploma and licence follow it too, with subjects on both scales and licence categories.
        String annas = login("anna").get("/my-results/competence.json").asString();
        assertEquals(List.of(), schema.validate(annas, com.networknt.schema.InputFormat.JSON), annas);
        assertEquals(303, new FlowClient().get("/my-results/competence.json").statusCode(), "only for its owner");
    }

    private static com.networknt.schema.Schema schema() throws java.io.IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(
                java.nio.file.Path.of("schemas/competence-evidence-1.0.schema.json"))) {
            return com.networknt.schema.SchemaRegistry.withDefaultDialect(
                    com.networknt.schema.SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }

    private static Map<String, String> facts(Element credential) {
        Map<String, String> facts = new java.util.LinkedHashMap<>();
        List<Element> terms = credential.select("dl.facts dt");
        List<Element> values = credential.select("dl.facts dd");
        for (int i = 0; i < terms.size(); i++) {
            facts.put(terms.get(i).text(), values.get(i).text());
        }
        return facts;
    }

    private static FlowClient login(String username) {
        return new FlowClient().portalLogin(username);
    }
}
