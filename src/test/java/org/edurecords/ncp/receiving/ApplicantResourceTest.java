package org.edurecords.ncp.receiving;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.edurecords.ncp.registry.KnownNcps;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.SharedConformance;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;

/**
 * The applicant's side of a results request over HTTP: the page that says who asks and why, the trip to an NCP,
 * and what each kind of answer (verified, another person's, tampered, cancelled, an error, the Finnish NCP's real
 * SHA-1 answer) makes of the request.
 */
@QuarkusTest
@TestProfile(ReceivingProfile.class)
class ApplicantResourceTest {

    @Inject
    KnownNcps known;

    @Test
    void thePageNamesTheReceiverTheCaseAndThePurposeAndOffersThisNcpFirst() {
        ApplicantJourney journey = new ApplicantJourney().create("C-page", ApplicantJourney.ANNA, "bachelor-degree");
        Response page = journey.applicant.get(journey.applicantPath);
        assertEquals(200, page.statusCode());
        assertEquals("no-store", page.header("Cache-Control"));
        Document html = Jsoup.parse(page.asString());
        assertEquals("Results for Test case office", html.selectFirst("h1").text());
        assertTrue(html.selectFirst("#request-intro").text().contains("C-page"));
        assertEquals("Application for citizenship", html.selectFirst("#request-purpose").text());
        assertFalse(html.select("#request-profile li").isEmpty(), "the profile in words");
        List<String> providers = html.select("input[name=provider]").eachAttr("value");
        assertTrue(providers.get(0).startsWith(ReceivingProfile.PUBLIC_URL) && providers.get(0).endsWith("/emrex"),
                "this NCP first: " + providers);
        assertTrue(html.selectFirst("input[name=provider]").hasAttr("checked"));
        assertNotNull(html.selectFirst("label[for=" + html.selectFirst("input[name=provider]").id() + "]"));
        if (SharedConformance.elmoFolder().isPresent()) {
            assertEquals(ReceivingProfile.FINNISH_NCP, providers.get(1), "then the registry's, by country");
        }

        Response bokmal = given().header("Accept-Language", "nb").get(journey.applicantPath);
        assertEquals("Resultater til Testkontor", Jsoup.parse(bokmal.asString()).selectFirst("h1").text());
        Response sami = given().header("Accept-Language", "se").get(journey.applicantPath);
        assertTrue(Jsoup.parse(sami.asString()).selectFirst("h1").text().startsWith("Bohtosat"));
    }

    @Test
    void thisNcpIsListedOnceEvenWhenTheRegistryListsItToo() throws Exception {
        ApplicantJourney journey = new ApplicantJourney().create("C-self", ApplicantJourney.ANNA, "bachelor-degree");
        List<String> before = Jsoup.parse(journey.applicant.get(journey.applicantPath).asString())
                .select("input[name=provider]").eachAttr("value");
        // The own entry URL as this service publishes it (its public URL follows the test port).
        String ownUrl = before.get(0);
        assertTrue(ownUrl.endsWith("/emrex"), ownUrl);
        String base = ownUrl.substring(0, ownUrl.length() - "/emrex".length());
        Path registry = Path.of("target/receiving-registry.json");
        byte[] original = Files.readAllBytes(registry);
        int known0 = known.entries().size();
        try {
            // The registry lists this NCP as well: its EMREG 1.0 entry, and its EMREG 2.0 entry (authorization URL).
            String pem = Files.readString(Path.of("keys-example/ncp-example.cert.pem"), StandardCharsets.US_ASCII);
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode list = (ObjectNode) mapper.readTree(original);
            ObjectNode own1 = mapper.createObjectNode().put("acronym", "SELF-AS-LISTED").put("countryCode", "NO")
                    .put("url", ownUrl).put("pubKey", pem);
            own1.putArray("institutions").add("All");
            ((ArrayNode) list.get("ncps")).add(own1);
            ObjectNode own2 = mapper.createObjectNode().put("name", "SELF-AS-LISTED-2").put("publicKey", pem);
            own2.putObject("country").put("isoCode", "NO").put("singleFetch", true);
            own2.putArray("institutions").addObject().put("name", "All");
            ObjectNode props = own2.putObject("emreg2Props");
            props.putArray("supportedDataFormats").addObject().put("name", "elmo").put("version", "1.7");
            props.put("authorizationUrl", base + "/oauth2/authorize").put("tokenUrl", base + "/oauth2/token")
                    .put("resourceUrl", base + "/results");
            ((ArrayNode) list.get("emps")).add(own2);
            Files.write(registry, mapper.writeValueAsBytes(list));
            assertTrue(known.refresh(), known.status().lastError());
            assertEquals(known0 + 2, known.entries().size(), "the registry's two entries of this NCP are read");

            Document page = Jsoup.parse(journey.applicant.get(journey.applicantPath).asString());
            List<String> providers = page.select("input[name=provider]").eachAttr("value");
            assertEquals(before, providers, "the registry's entries of this NCP are left out");
            assertEquals(ownUrl, providers.get(0), "this NCP first");
            assertEquals(1, providers.stream().filter(p -> p.startsWith(base)).count(), "and once: " + providers);
            assertFalse(page.text().contains("SELF-AS-LISTED"), page.text());
            // The registry's entry of this NCP cannot be chosen either: the form's own entry is this NCP.
            Response refused = journey.applicant.post(journey.applicantPath + "/start",
                    Map.of("provider", base + "/oauth2/authorize"));
            assertEquals(400, refused.statusCode());
        } finally {
            Files.write(registry, original);
            known.refresh();
        }
    }

    @Test
    void anUnknownLinkOrProviderGetsAPageNotAnError() {
        Response unknown = given().get("/receive/no-such-request");
        assertEquals(404, unknown.statusCode());
        assertNotNull(Jsoup.parse(unknown.asString()).selectFirst("#request-unknown"));

        ApplicantJourney journey = new ApplicantJourney().create("C-bad", ApplicantJourney.ANNA, "bachelor-degree");
        journey.applicant.get(journey.applicantPath);
        Response wrong = journey.applicant.post(journey.applicantPath + "/start", Map.of("provider", "https://evil.example/"));
        assertEquals(400, wrong.statusCode());
        assertNotNull(Jsoup.parse(wrong.asString()).selectFirst("#provider-error"));
        assertEquals("waiting", journey.read().getString("status"), "nothing started");
    }

    @Test
    void resultsFetchedHereAreVerifiedNormalisedAndEvaluated() throws Exception {
        ApplicantJourney journey = new ApplicantJourney().create("C-anna", ApplicantJourney.ANNA, "bachelor-degree");
        Response arrived = journey.answer(journey.fetchHere("anna"));
        assertEquals(200, arrived.statusCode(), arrived.asString());
        // The consent at this NCP names the receiver and the case.
        assertTrue(journey.lastPreview.selectFirst(".recipient").text().contains("Test case office, case C-anna"),
                journey.lastPreview.selectFirst(".recipient").text());
        Document page = Jsoup.parse(arrived.asString());
        assertEquals("RECEIVED", page.selectFirst("#arrival").attr("data-arrival"));
        assertEquals(List.of("EMREX NCP (demo): results received"), page.select("#request-trips li").eachText());
        assertEquals("https://case.example.org/cases/C-anna", page.selectFirst("#done").attr("href"));

        JsonPath request = journey.read();
        assertEquals("evaluated", request.getString("status"));
        assertEquals(true, request.getBoolean("answers[0].verified"));
        assertEquals("MATCH", request.getString("answers[0].learnerMatch"));
        assertEquals("NCP_OK", request.getString("answers[0].returnCode"));
        assertEquals("Sørbø-Łukasiewicz", request.getString("results.learner.familyName"));
        // Two universities, and her upper-secondary school as a third issuer (docs/competence.md).
        assertEquals(3, request.getList("results.institutions").size());
        assertEquals("Oslo katedralskole, Oslo kommune", request.getString("results.institutions[2].names.no"));
        assertEquals(null, request.getString("results.institutions[2].schac"), "a school has no SCHAC code");
        assertEquals("met", request.getString("outcome"), request.prettify());
        assertEquals(request.getString("outcome"), request.getString("evaluation.outcome"));
        assertFalse(request.getList("evaluation.verdicts").isEmpty());

        // The original document, as its NCP signed it, verifies with the JDK's own XML signature API.
        Response document = ApplicantJourney.api().get(URI(request.getString("answers[0].document")));
        assertEquals(200, document.statusCode());
        org.w3c.dom.Document xml = ElmoChecks.parse(document.asByteArray());
        assertTrue(new JdkXmlSignatureVerifier().verify(xml, ElmoChecks.exampleCertificate()).valid());
        ElmoChecks.assertValid(xml);
        Response pdf = ApplicantJourney.api().get(URI(request.getString("answers[0].pdf")));
        assertEquals(200, pdf.statusCode());
        assertEquals("%PDF-", new String(pdf.asByteArray(), 0, 5, StandardCharsets.ISO_8859_1));

        // Used once: the same answer again finds no open trip.
        assertEquals(404, journey.answer(Map.of("sessionId", request.getString("answers[0].id"), "returnCode", "NCP_OK",
                "returnMessage", "", "elmo", "")).statusCode());
    }

    @Test
    void aProfileOverALicenceIsMetByTheCredentialsOfThisNcp() throws Exception {
        ApplicantJourney journey = new ApplicantJourney().create("C-own-licence", ApplicantJourney.ANNA,
                "driving-licence-b");
        Map<String, String> fields = journey.fetchHere("anna", true);
        // The consent shows the licence beside the results: the applicant sees what the receiver gets.
        assertNotNull(journey.lastPreview.selectFirst("#competence section[data-kind=licence]"),
                journey.lastPreview.text());
        assertEquals(200, journey.answer(fields).statusCode());
        JsonPath request = journey.read();
        assertEquals("met", request.getString("outcome"), request.prettify());
        assertEquals("verified", request.getString("answers[0].competence.state"));
        assertEquals("MATCH", request.getString("answers[0].competence.learnerMatch"));
        assertEquals("licence", request.getString("results.credentials[0].kind"));
        assertEquals("credential", request.getString("evaluation.verdicts[0].kind"));
        // The evidence is kept as this NCP signed it.
        Response original = ApplicantJourney.api().get(URI(request.getString("answers[0].competence.url")));
        assertEquals(200, original.statusCode());
        assertArrayEquals(java.util.Base64.getDecoder().decode(fields.get("competence")), original.asByteArray());

        // Changed in the applicant's browser: kept, never trusted.
        ApplicantJourney tampered = new ApplicantJourney().create("C-own-tampered", ApplicantJourney.ANNA,
                "driving-licence-b");
        Map<String, String> changed = new java.util.LinkedHashMap<>(tampered.fetchHere("anna", true));
        String json = new String(java.util.Base64.getDecoder().decode(changed.get("competence")),
                StandardCharsets.UTF_8);
        changed.put("competence", java.util.Base64.getEncoder().encodeToString(
                json.replace("\"B\"", "\"C\"").getBytes(StandardCharsets.UTF_8)));
        assertEquals(200, tampered.answer(changed).statusCode());
        JsonPath read = tampered.read();
        assertEquals("not_verified", read.getString("answers[0].competence.state"), read.prettify());
        assertEquals("needs_review", read.getString("outcome"));
    }

    @Test
    void anotherPersonsResultsNeedAReview() {
        Map<String, String> someoneElse = Map.of("givenNames", "Anna Kristine", "familyName", "Sørbø-Łukasiewicz",
                "birthDate", "1999-04-17");
        ApplicantJourney journey = new ApplicantJourney().create("C-other", someoneElse, "bachelor-degree");
        assertEquals(200, journey.answer(journey.fetchHere("anna")).statusCode());
        JsonPath request = journey.read();
        assertEquals("needs_review", request.getString("outcome"));
        assertEquals("MISMATCH", request.getString("answers[0].learnerMatch"));
        assertTrue(request.getList("evaluation.reviewReasons").contains("learner_mismatch"), request.prettify());
    }

    @Test
    void aTamperedAnswerIsNeverMet() throws Exception {
        ApplicantJourney journey = new ApplicantJourney().create("C-tampered", ApplicantJourney.ANNA, "bachelor-degree");
        Map<String, String> fields = new HashMap<>(journey.fetchHere("anna"));
        String xml = new String(TransferEncoding.decode(fields.get("elmo"), 16_000_000), StandardCharsets.UTF_8);
        String changed = xml.replaceFirst("<value>10(\\.0)?</value>", "<value>60</value>");
        assertFalse(changed.equals(xml), "a credit value was changed");
        fields.put("elmo", gzipBase64(changed.getBytes(StandardCharsets.UTF_8)));
        Response arrived = journey.answer(fields);
        assertEquals("NOT_VERIFIED", Jsoup.parse(arrived.asString()).selectFirst("#arrival").attr("data-arrival"));
        JsonPath request = journey.read();
        assertEquals("needs_review", request.getString("outcome"));
        assertEquals(false, request.getBoolean("answers[0].verified"));
        assertTrue(request.getList("evaluation.reviewReasons").contains("not_verified"), request.prettify());
    }

    @Test
    void anAnswerThatIsNotADocumentIsKeptAndNeedsAReview() {
        ApplicantJourney journey = new ApplicantJourney().create("C-garbage", ApplicantJourney.ANNA, "bachelor-degree");
        Map<String, String> trip = journey.choose(journey.thisNcp());
        Response arrived = journey.answer(Map.of("sessionId", trip.get("sessionId"), "returnCode", "NCP_OK",
                "returnMessage", "", "elmo", "this is <not> base64 %%%"));
        assertEquals(200, arrived.statusCode());
        assertEquals("NOT_VERIFIED", Jsoup.parse(arrived.asString()).selectFirst("#arrival").attr("data-arrival"));
        JsonPath request = journey.read();
        assertEquals("needs_review", request.getString("outcome"));
        assertEquals("FAIL", request.getString("answers[0].verification.steps[0].verdict"), "base64 is the failing step");
        Response original = ApplicantJourney.api().get(URI(request.getString("answers[0].document")));
        assertEquals("this is <not> base64 %%%", original.asString(), "kept exactly as received");
    }

    @Test
    void aCancellationAtTheNcpLeavesTheRequestWaiting() {
        ApplicantJourney journey = new ApplicantJourney().create("C-cancel-ncp", ApplicantJourney.ANNA, "bachelor-degree");
        Map<String, String> trip = journey.choose(journey.thisNcp());
        assertEquals("in_progress", journey.read().getString("status"));
        Response arrived = journey.answer(Map.of("sessionId", trip.get("sessionId"), "returnCode", "NCP_CANCEL",
                "returnMessage", "", "elmo", ""));
        assertEquals("CANCELLED", Jsoup.parse(arrived.asString()).selectFirst("#arrival").attr("data-arrival"));
        JsonPath request = journey.read();
        assertEquals("waiting", request.getString("status"));
        assertEquals("NCP_CANCEL", request.getString("answers[0].returnCode"));
    }

    @Test
    void resultsThatDoNotMeetTheProfileWithAnotherNcpFailingNeedAReview() {
        ApplicantJourney journey = new ApplicantJourney().create("C-partial", ApplicantJourney.ANNA, "subject-credits");
        Map<String, String> failing = journey.choose(journey.thisNcp());
        journey.answer(Map.of("sessionId", failing.get("sessionId"), "returnCode", "NCP_ERROR", "returnMessage",
                "source down", "elmo", ""));
        assertEquals(200, journey.answer(journey.fetchHere("anna")).statusCode());
        JsonPath request = journey.read();
        assertEquals(2, request.getList("answers").size());
        assertEquals("needs_review", request.getString("outcome"), request.prettify());
        assertTrue(request.getList("evaluation.reviewReasons").contains("partial_sources"), request.prettify());
    }

    @Test
    void theFinnishNcpsRealSha1AnswerNeedsAReview() throws Exception {
        Path examples = SharedConformance.elmoFolderOrSkip("the Finnish answer").resolve("examples");
        String wire = Files.readString(examples.resolve("fi-smp_elmo_vastaus_base64_gzipped.txt"),
                StandardCharsets.US_ASCII).strip();
        ApplicantJourney journey = new ApplicantJourney().create("C-fi", Map.of("givenNames", "Kaisa",
                "familyName", "Keränen", "birthDate", "1980-01-01"), "bachelor-degree");
        Map<String, String> trip = journey.choose(ReceivingProfile.FINNISH_NCP);
        Response arrived = journey.answer(Map.of("sessionId", trip.get("sessionId"), "returnCode", "NCP_OK",
                "returnMessage", "", "elmo", wire));
        assertEquals("NOT_VERIFIED", Jsoup.parse(arrived.asString()).selectFirst("#arrival").attr("data-arrival"));
        JsonPath request = journey.read();
        assertEquals("needs_review", request.getString("outcome"));
        assertEquals("CSC", request.getString("answers[0].provider"));
        assertTrue(request.getList("evaluation.reviewReasons").contains("not_verified"), request.prettify());
        assertTrue(request.getList("answers[0].verification.steps.name").contains("signature-algorithms"));
    }

    private static String URI(String absolute) {
        return java.net.URI.create(absolute).getPath();
    }

    private static String gzipBase64(byte[] xml) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(xml);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
