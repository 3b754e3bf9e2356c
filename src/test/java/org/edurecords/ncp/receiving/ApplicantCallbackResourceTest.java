package org.edurecords.ncp.receiving;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.FrozenClock;
import org.edurecords.ncp.support.InjectWireMock;
import org.edurecords.ncp.support.TestSigning;

/**
 * A results request answered over EMREX 2.0, over HTTP: the applicant is sent to a provider's authorization URL
 * with PKCE, comes back to {@code /receive/callback/{receiver}}, and the code is exchanged with the receiver's client
 * assertion and the document read and checked. The provider (an NCP of the registry offering EMREX 2.0 only) is
 * played by WireMock; the document it serves was signed by this NCP for the same person.
 */
@QuarkusTest
@TestProfile(ReceivingProfile.class)
class ApplicantCallbackResourceTest {

    private static final String CALLBACK = "/receive/callback/test-case-office";
    private static final Path CLIENT_KEY = Path.of("src/test/resources/receiving/case-office-emrex2.key.pem");

    @InjectWireMock
    WireMockServer caseSystem;

    @jakarta.inject.Inject
    WebhookOutbox outbox;

    private final List<StubMapping> stubs = new ArrayList<>();
    private static byte[] annasDocument;

    @AfterEach
    void removeStubs() {
        stubs.forEach(caseSystem::removeStub);
        stubs.clear();
    }

    @Test
    void anAnswerFetchedWithPkceAndTheReceiversClientAssertionIsVerifiedAndEvaluated() throws Exception {
        ApplicantJourney journey = new ApplicantJourney().create("C-emrex2", ApplicantJourney.ANNA, "bachelor-degree");
        Map<String, String> authorize = goToTheProvider(journey);
        assertEquals("code", authorize.get("response_type"));
        assertEquals("test-case-office", authorize.get("client_id"));
        // The public URL, with the port the test service listens on (the demo's public URL follows the port).
        String redirectUri = authorize.get("redirect_uri");
        assertTrue(redirectUri.startsWith(ReceivingProfile.PUBLIC_URL) && redirectUri.endsWith(CALLBACK), redirectUri);
        assertEquals("S256", authorize.get("code_challenge_method"));
        byte[] document = annasDocument();
        provider(200, document, detachedSignature(document, TestSigning.exampleKey().privateKey()), "access-1");

        Response back = journey.applicant.get(CALLBACK + "?code=code-1&state=" + authorize.get("state"));
        assertEquals(200, back.statusCode(), back.asString());
        assertEquals("RECEIVED", FlowClient.html(back).selectFirst("#arrival").attr("data-arrival"));

        // What the provider was sent: the code with the PKCE verifier of the challenge, and an assertion signed
        // with the receiver's key for the provider's token URL.
        List<LoggedRequest> tokens = caseSystem.findAll(postRequestedFor(urlPathEqualTo(providerPath("/token")))
                .withRequestBody(containing("code=code-1")));
        assertEquals(1, tokens.size());
        Map<String, String> form = form(tokens.get(0).getBodyAsString());
        assertEquals("authorization_code", form.get("grant_type"));
        assertEquals("code-1", form.get("code"));
        assertEquals(authorize.get("redirect_uri"), form.get("redirect_uri"));
        assertEquals(authorize.get("code_challenge"), s256(form.get("code_verifier")), "the verifier of the challenge");
        assertEquals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer", form.get("client_assertion_type"));
        SignedJWT assertion = SignedJWT.parse(form.get("client_assertion"));
        assertTrue(assertion.verify(new RSASSAVerifier(clientPublicKey())), "signed with the receiver's key");
        JWTClaimsSet claims = assertion.getJWTClaimsSet();
        assertEquals("test-case-office", claims.getIssuer());
        assertEquals("test-case-office", claims.getSubject());
        assertEquals(List.of(caseSystem.baseUrl() + providerPath("/token")), claims.getAudience());
        assertNotNull(claims.getJWTID());
        List<LoggedRequest> reads = caseSystem.findAll(getRequestedFor(urlPathEqualTo(providerPath("/results")))
                .withHeader("Authorization", equalTo("Bearer access-1")));
        assertEquals(1, reads.size(), "one read, with the access token");
        LoggedRequest results = reads.get(0);
        assertEquals("elmo", results.queryParameter("data_format").firstValue());
        assertEquals(0, caseSystem.findAll(getRequestedFor(urlPathEqualTo(providerPath("/results")))
                .withQueryParam("data_format", equalTo("competence"))).size(),
                "a provider whose entry does not list competence is not asked for it");

        JsonPath read = journey.read();
        assertEquals("evaluated", read.getString("status"), read.prettify());
        assertEquals("met", read.getString("outcome"), read.prettify());
        assertEquals("2.0", read.getString("answers[0].protocol"));
        assertEquals(ReceivingProfile.EMREX2_NAME, read.getString("answers[0].provider"));
        assertEquals(true, read.getBoolean("answers[0].verified"));
        assertEquals("MATCH", read.getString("answers[0].learnerMatch"));
        assertTrue(read.getString("answers[0].transportSignature").startsWith("valid: RS256"), read.prettify());
        assertNull(read.get("answers[0].competence"), "no competence evidence was asked for");
        assertEquals(List.of(), read.getList("results.credentials"));
        // The original is the document exactly as the provider served it.
        Response original = ApplicantJourney.api().get(URI.create(read.getString("answers[0].document")).getPath());
        assertEquals(200, original.statusCode());
        assertEquals(new String(document, StandardCharsets.UTF_8), original.asString());

        Response again = journey.applicant.get(CALLBACK + "?code=code-1&state=" + authorize.get("state"));
        assertEquals(404, again.statusCode(), "a state is used once");
        assertEquals(1, caseSystem.findAll(postRequestedFor(urlPathEqualTo(providerPath("/token")))
                .withRequestBody(containing("code=code-1"))).size(), "the code is not sent again");
    }

    @Test
    void aDocumentWhoseXSignatureDoesNotVerifyIsKeptButNotTrusted() throws Exception {
        ApplicantJourney journey = new ApplicantJourney().create("C-emrex2-forged", ApplicantJourney.ANNA,
                "bachelor-degree");
        Map<String, String> authorize = goToTheProvider(journey);
        byte[] document = annasDocument();
        provider(200, document, detachedSignature(document, TestSigning.foreignKey().privateKey()));

        Response back = journey.applicant.get(CALLBACK + "?code=code-2&state=" + authorize.get("state"));
        assertEquals(200, back.statusCode(), back.asString());
        assertEquals("NOT_VERIFIED", FlowClient.html(back).selectFirst("#arrival").attr("data-arrival"));
        JsonPath read = journey.read();
        assertEquals(false, read.getBoolean("answers[0].verified"));
        assertTrue(read.getString("answers[0].transportSignature").startsWith("invalid: "), read.prettify());
        assertEquals("needs_review", read.getString("outcome"), "never met on an answer that did not verify");
        assertNotNull(read.getString("answers[0].document"), "the answer is kept as received");
    }

    @Test
    void aCancelAtTheProviderAnEmptyAnswerAndARefusedCodeAreTripsWithoutResults() throws Exception {
        ApplicantJourney journey = new ApplicantJourney().create("C-emrex2-none", ApplicantJourney.ANNA,
                "bachelor-degree");
        Map<String, String> cancelled = goToTheProvider(journey);
        Response back = journey.applicant.get(CALLBACK + "?error=access_denied&state=" + cancelled.get("state"));
        assertEquals(200, back.statusCode(), back.asString());
        assertEquals("CANCELLED", FlowClient.html(back).selectFirst("#arrival").attr("data-arrival"));
        assertEquals("waiting", journey.read().getString("status"), "the applicant may try again");

        provider(204, null, null);
        Map<String, String> empty = goToTheProvider(journey);
        back = journey.applicant.get(CALLBACK + "?code=code-3&state=" + empty.get("state"));
        assertEquals("NO_RESULTS", FlowClient.html(back).selectFirst("#arrival").attr("data-arrival"));
        removeStubs();

        stubs.add(caseSystem.stubFor(post(urlPathEqualTo(providerPath("/token"))).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"invalid_grant\"}"))));
        Map<String, String> refused = goToTheProvider(journey);
        back = journey.applicant.get(CALLBACK + "?code=expired&state=" + refused.get("state"));
        assertEquals(200, back.statusCode(), back.asString());
        assertEquals("ERROR", FlowClient.html(back).selectFirst("#arrival").attr("data-arrival"));

        JsonPath read = journey.read();
        assertEquals(List.of("NCP_CANCEL", "NCP_NO_RESULTS", "NCP_ERROR"), read.getList("answers.returnCode"));
        assertEquals("access_denied", read.getString("answers[0].returnMessage"));
        assertTrue(read.getString("answers[2].returnMessage").contains("invalid_grant"), read.prettify());
        assertNull(read.get("answers[2].document"));
    }

    @Test
    void aRedirectWithoutAnOpenTripIsRefusedWithThePage() {
        Response unknown = new FlowClient().get(CALLBACK + "?code=x&state=no-such-state");
        assertEquals(404, unknown.statusCode());
        assertTrue(unknown.contentType().startsWith("text/html"), unknown.contentType());
        assertNotNull(FlowClient.html(unknown).selectFirst("h1"));
        // The sessionId of an EMREX 1.0 trip is no state of a 2.0 one.
        ApplicantJourney journey = new ApplicantJourney().create("C-emrex2-mixed", ApplicantJourney.ANNA,
                "bachelor-degree");
        String sessionId = journey.choose(journey.thisNcp()).get("sessionId");
        assertEquals(404, journey.applicant.get(CALLBACK + "?code=x&state=" + sessionId).statusCode());
        assertEquals(404, journey.applicant.get("/receive/callback/test-clients?code=x&state=" + sessionId)
                .statusCode(), "nor is it another receiver's");
        assertEquals(404, journey.applicant.get(CALLBACK).statusCode(), "no state at all");
    }

    // ----- competence evidence from a provider whose entry lists the format competence 1.0

    @Test
    void aProfileOverALicenceIsMetByTheProvidersSignedCompetenceEvidence() throws Exception {
        FrozenClock clock = FrozenClock.install();
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        ApplicantJourney journey = new ApplicantJourney().create("C-licence", ApplicantJourney.ANNA,
                "driving-licence-b");
        Map<String, String> authorize = goTo(journey, ReceivingProfile.COMPETENCE_PROVIDER);
        byte[] document = annasDocument();
        byte[] evidence = evidence(licence("valid", day.minusYears(3), day)).getBytes(StandardCharsets.UTF_8);
        String signature = detachedSignature(evidence, TestSigning.exampleKey().privateKey());
        competenceProvider("access-licence", 200, document, 200, evidence, signature);

        Response back = journey.applicant.get(CALLBACK + "?code=code-l&state=" + authorize.get("state"));
        assertEquals(200, back.statusCode(), back.asString());
        assertEquals("RECEIVED", FlowClient.html(back).selectFirst("#arrival").attr("data-arrival"));
        List<LoggedRequest> asked = caseSystem.findAll(getRequestedFor(urlPathEqualTo(
                ReceivingProfile.COMPETENCE_PROVIDER + "/results")).withQueryParam("data_format", equalTo("competence"))
                .withHeader("Authorization", equalTo("Bearer access-licence")));
        assertEquals(1, asked.size(), "asked once, with the token of the ELMO read");
        assertEquals("1.0", asked.get(0).queryParameter("data_format_version").firstValue());

        JsonPath read = journey.read();
        assertEquals("met", read.getString("outcome"), read.prettify());
        assertEquals("verified", read.getString("answers[0].competence.state"));
        assertTrue(read.getString("answers[0].competence.check").startsWith("valid: RS256"), read.prettify());
        assertEquals("MATCH", read.getString("answers[0].competence.learnerMatch"));
        assertEquals(true, read.getBoolean("answers[0].verified"));
        assertEquals("c1", read.getString("results.credentials[0].id"));
        assertEquals("licence", read.getString("results.credentials[0].kind"));
        assertEquals("B", read.getString("results.credentials[0].details.categories[1].category"));
        assertEquals("Statens vegvesen", read.getString("results.credentials[0].issuer.name"));
        assertEquals(List.of("c1"), read.getList("evaluation.verdicts[0].resultIds"));
        assertEquals("credential", read.getString("evaluation.verdicts[0].kind"));
        assertFalse(read.getList("results.institutions").isEmpty(), "the ELMO's results are there too");

        // The evidence exactly as the provider served it, with its X-Signature, for the case system to check again.
        Response original = ApplicantJourney.api().get(URI.create(read.getString("answers[0].competence.url")).getPath());
        assertEquals(200, original.statusCode());
        assertTrue(original.contentType().startsWith("application/json"), original.contentType());
        assertArrayEquals(evidence, original.asByteArray());
        assertEquals(signature, original.header("X-Signature"));
        assertEquals(404, ApplicantJourney.api().get(ReceiverRequestResource.PATH + "/" + journey.requestId
                + "/answers/no-such-answer/competence").statusCode());

        // The webhook carries the credentials and the verdict over them.
        caseSystem.stubFor(post(urlPathEqualTo(ReceivingProfile.WEBHOOK_PATH)).withRequestBody(containing("C-licence"))
                .willReturn(aResponse().withStatus(204)));
        outbox.deliverDue();
        List<LoggedRequest> hooks = caseSystem.findAll(postRequestedFor(urlPathEqualTo(ReceivingProfile.WEBHOOK_PATH))
                .withRequestBody(containing("C-licence")));
        assertEquals(1, hooks.size());
        JsonPath hook = new JsonPath(hooks.get(0).getBodyAsString());
        assertEquals("licence", hook.getString("request.results.credentials[0].kind"));
        assertEquals("verified", hook.getString("request.answers[0].competence.state"));
        assertEquals("met", hook.getString("request.outcome"));

        // The case worker sees the credential received and downloads the evidence as its provider signed it.
        FlowClient worker = new FlowClient();
        worker.get("/case-worker/login");
        assertEquals(303, worker.post("/case-worker/login/demo", Map.of("username", "case", "password", "demo"))
                .statusCode());
        org.jsoup.nodes.Document page = FlowClient.html(worker.get("/case-worker/requests/" + journey.requestId
                + "?lang=en"));
        org.jsoup.nodes.Element row = page.selectFirst("#credentials #credential-c1");
        assertNotNull(row, page.outerHtml());
        assertEquals(List.of("c1 Driving licence (" + day.minusYears(3) + ")", "Licences", "Statens vegvesen"),
                row.select("td").eachText().subList(0, 3));
        assertTrue(row.select("td").get(3).text().startsWith("Valid"), row.text());
        String link = page.selectFirst("#answers a[href$=/competence]").attr("href");
        Response file = worker.get(link);
        assertEquals(200, file.statusCode());
        assertArrayEquals(evidence, file.asByteArray());
        assertEquals(signature, file.header("X-Signature"));
        org.jsoup.nodes.Document nb = FlowClient.html(worker.get("/case-worker/requests/" + journey.requestId
                + "?lang=nb"));
        assertEquals("Mottatt kompetanse", nb.selectFirst("#credentials").parent().previousElementSibling().text());
    }

    @Test
    void aRevokedAuthorisationIsNotMetAlsoWhenOnlyCredentialsWereConsentedTo() throws Exception {
        ApplicantJourney journey = new ApplicantJourney().create("C-revoked", ApplicantJourney.ANNA,
                "health-worker-authorisation");
        Map<String, String> authorize = goTo(journey, ReceivingProfile.COMPETENCE_PROVIDER);
        byte[] evidence = evidence(authorisation("revoked")).getBytes(StandardCharsets.UTF_8);
        // The student consented to credentials only: the ELMO read answers 204.
        competenceProvider("access-revoked", 204, null, 200, evidence,
                detachedSignature(evidence, TestSigning.exampleKey().privateKey()));

        Response back = journey.applicant.get(CALLBACK + "?code=code-r&state=" + authorize.get("state"));
        assertEquals("RECEIVED", FlowClient.html(back).selectFirst("#arrival").attr("data-arrival"));
        JsonPath read = journey.read();
        assertEquals("evaluated", read.getString("status"));
        assertEquals("not_met", read.getString("outcome"), read.prettify());
        assertEquals(List.of(), read.getList("evaluation.reviewReasons"));
        assertEquals("NCP_OK", read.getString("answers[0].returnCode"));
        assertNull(read.get("answers[0].document"), "no ELMO came");
        assertEquals("MATCH", read.getString("answers[0].learnerMatch"), "the evidence's learner is the answer's");
        assertEquals("revoked", read.getString("results.credentials[0].status"));
        assertEquals(List.of(), read.getList("results.institutions"));
    }

    @Test
    void tamperedOrMalformedCompetenceEvidenceNeedsReviewWithTheReason() throws Exception {
        ApplicantJourney journey = new ApplicantJourney().create("C-tampered", ApplicantJourney.ANNA,
                "driving-licence-b");
        Map<String, String> authorize = goTo(journey, ReceivingProfile.COMPETENCE_PROVIDER);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        byte[] signed = evidence(licence("valid", today.minusYears(3), today.plusYears(5))).getBytes(StandardCharsets.UTF_8);
        String signature = detachedSignature(signed, TestSigning.exampleKey().privateKey());
        // Changed after signing: a C licence instead of a B one.
        byte[] tampered = new String(signed, StandardCharsets.UTF_8).replace("\"category\":\"AM146\"",
                "\"category\":\"C\"").getBytes(StandardCharsets.UTF_8);
        competenceProvider("access-tampered", 204, null, 200, tampered, signature);

        Response back = journey.applicant.get(CALLBACK + "?code=code-t&state=" + authorize.get("state"));
        assertEquals("NOT_VERIFIED", FlowClient.html(back).selectFirst("#arrival").attr("data-arrival"));
        JsonPath read = journey.read();
        assertEquals("needs_review", read.getString("outcome"), read.prettify());
        assertEquals(List.of("competence_not_verified"), read.getList("evaluation.reviewReasons"));
        assertEquals("met", read.getString("evaluation.verdicts[0].verdict"), "what it claims would meet it");
        assertEquals("not_verified", read.getString("answers[0].competence.state"));
        assertTrue(read.getString("answers[0].competence.check").startsWith("invalid: "), read.prettify());
        assertArrayEquals(tampered, ApplicantJourney.api().get(URI.create(
                read.getString("answers[0].competence.url")).getPath()).asByteArray(), "kept as received");

        // Signed, but not of the format: a field the format does not have.
        ApplicantJourney other = new ApplicantJourney().create("C-malformed", ApplicantJourney.ANNA,
                "driving-licence-b");
        Map<String, String> second = goTo(other, ReceivingProfile.COMPETENCE_PROVIDER);
        byte[] malformed = new String(signed, StandardCharsets.UTF_8).replace("\"number\":", "\"numbr\":")
                .getBytes(StandardCharsets.UTF_8);
        competenceProvider("access-malformed", 204, null, 200, malformed,
                detachedSignature(malformed, TestSigning.exampleKey().privateKey()));
        other.applicant.get(CALLBACK + "?code=code-m&state=" + second.get("state"));
        JsonPath bad = other.read();
        assertEquals("needs_review", bad.getString("outcome"), bad.prettify());
        assertTrue(bad.getList("evaluation.reviewReasons").contains("competence_invalid"), bad.prettify());
        assertEquals("invalid", bad.getString("answers[0].competence.state"));
        assertTrue(bad.getString("answers[0].competence.check").contains("$.credentials[0].numbr"), bad.prettify());
        assertEquals(List.of(), bad.getList("results.credentials"), "nothing is read from it");
    }

    /** The competence provider: token, the ELMO read and the competence read, each with its own status. */
    private void competenceProvider(String token, int elmoStatus, byte[] document, int competenceStatus,
            byte[] evidence, String evidenceSignature) throws Exception {
        String base = ReceivingProfile.COMPETENCE_PROVIDER;
        stubs.add(caseSystem.stubFor(post(urlPathEqualTo(base + "/token")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"))));
        var elmo = aResponse().withStatus(elmoStatus);
        if (document != null) {
            elmo.withHeader("Content-Type", "application/xml").withHeader("X-Signature",
                    detachedSignature(document, TestSigning.exampleKey().privateKey())).withBody(document);
        }
        stubs.add(caseSystem.stubFor(get(urlPathEqualTo(base + "/results")).withQueryParam("data_format", equalTo("elmo"))
                .withHeader("Authorization", equalTo("Bearer " + token)).willReturn(elmo)));
        var competence = aResponse().withStatus(competenceStatus);
        if (evidence != null) {
            competence.withHeader("Content-Type", "application/json;charset=UTF-8")
                    .withHeader("X-Signature", evidenceSignature).withBody(evidence);
        }
        stubs.add(caseSystem.stubFor(get(urlPathEqualTo(base + "/results"))
                .withQueryParam("data_format", equalTo("competence"))
                .withHeader("Authorization", equalTo("Bearer " + token)).willReturn(competence)));
    }

    /** Competence evidence 1.0 of anna with one credential, as a provider's CompetenceEvidence writes it. */
    private static String evidence(String credential) {
        return "{\"format\":\"competence\",\"version\":\"1.0\",\"issuedAt\":\"2026-12-02T10:00:00Z\","
                + "\"issuer\":{\"name\":\"Nordic Registers\",\"url\":\"https://emp.example.se\"},"
                + "\"learner\":{\"givenNames\":\"Anna Kristine\",\"familyName\":\"Sørbø-Łukasiewicz\","
                + "\"birthDate\":\"1998-04-17\"},\"credentials\":[" + credential + "]}";
    }

    private static String licence(String status, LocalDate from, LocalDate to) {
        return "{\"id\":\"lic-1\",\"kind\":\"licence\",\"title\":{\"nb\":\"Førerkort\",\"en\":\"Driving licence\"},"
                + "\"issuer\":{\"name\":\"Statens vegvesen\",\"country\":\"NO\"},\"issuedOn\":\"" + from + "\","
                + "\"number\":\"10 123 456\",\"status\":\"" + status + "\",\"history\":[{\"status\":\"" + status
                + "\",\"since\":\"" + from + "\"}],\"details\":{\"categories\":[{\"category\":\"AM146\",\"validFrom\":\""
                + from + "\"},{\"category\":\"B\",\"validFrom\":\"" + from + "\",\"validTo\":\"" + to + "\"}]}}";
    }

    private static String authorisation(String status) {
        return "{\"id\":\"aut-1\",\"kind\":\"authorisation\",\"title\":{\"en\":\"Authorisation as health worker\","
                + "\"nb\":\"Autorisasjon som helsefagarbeider\"},\"issuer\":{\"name\":\"Helsedirektoratet\","
                + "\"country\":\"NO\",\"id\":\"983544622\"},\"issuedOn\":\"2014-01-10\",\"number\":\"9876543\","
                + "\"validFrom\":\"2014-01-10\",\"status\":\"" + status + "\",\"statusSince\":\"2023-09-01\","
                + "\"history\":[{\"status\":\"valid\",\"since\":\"2014-01-10\"},{\"status\":\"" + status
                + "\",\"since\":\"2023-09-01\",\"reason\":\"Decision of the authority\"}],"
                + "\"details\":{\"profession\":{\"en\":\"Health worker\",\"nb\":\"Helsefagarbeider\"},\"scheme\":\"HPR\"}}";
    }

    /** Chooses the EMREX 2.0 provider on the applicant's page; returns the authorization request's parameters. */
    private Map<String, String> goToTheProvider(ApplicantJourney journey) {
        return goTo(journey, ReceivingProfile.EMREX2_PROVIDER);
    }

    /** Chooses the EMREX 2.0 provider at this path of the WireMock; returns the authorization request's parameters. */
    private Map<String, String> goTo(ApplicantJourney journey, String provider) {
        Document page = FlowClient.html(journey.applicant.get(journey.applicantPath));
        String authorizationUrl = caseSystem.baseUrl() + provider + "/authorize";
        assertTrue(page.select("input[name=provider]").eachAttr("value").contains(authorizationUrl),
                "the 2.0 provider is offered: " + page.select("input[name=provider]").eachAttr("value"));
        Response start = journey.applicant.post(journey.applicantPath + "/start", Map.of("provider", authorizationUrl));
        assertEquals(200, start.statusCode(), start.asString());
        Document redirect = FlowClient.html(start);
        assertNull(redirect.selectFirst("form#emrex-answer"), "no EMREX 1.0 form");
        Element link = redirect.selectFirst("a#emrex-continue");
        assertNotNull(link, redirect.outerHtml());
        URI target = URI.create(link.attr("href"));
        assertEquals(authorizationUrl, target.getScheme() + "://" + target.getRawAuthority() + target.getRawPath());
        return form(target.getRawQuery());
    }

    private void provider(int status, byte[] document, String signature) {
        provider(status, document, signature, "access-" + status + "-" + (signature == null ? 0 : signature.length()));
    }

    private void provider(int status, byte[] document, String signature, String token) {
        stubs.add(caseSystem.stubFor(post(urlPathEqualTo(providerPath("/token"))).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":300}"))));
        var answer = aResponse().withStatus(status);
        if (document != null) {
            answer.withHeader("Content-Type", "application/xml").withHeader("X-Signature", signature)
                    .withHeader("X-Signature-Algorithm", "RS256").withBody(document);
        }
        stubs.add(caseSystem.stubFor(get(urlPathEqualTo(providerPath("/results")))
                .withHeader("Authorization", equalTo("Bearer " + token)).willReturn(answer)));
    }

    private static String providerPath(String endpoint) {
        return ReceivingProfile.EMREX2_PROVIDER + endpoint;
    }

    /** A signed ELMO of anna, as this NCP produces it: fetched once, over the EMREX 1.0 trip of another request. */
    private static synchronized byte[] annasDocument() {
        if (annasDocument == null) {
            ApplicantJourney source = new ApplicantJourney().create("C-emrex2-source", ApplicantJourney.ANNA,
                    "bachelor-degree");
            annasDocument = ElmoChecks.decodeAndCheck(source.fetchHere("anna").get("elmo"));
        }
        return annasDocument;
    }

    /** The provider's X-Signature: a JWS with a detached payload over the body (RFC 7515 Appendix F). */
    private static String detachedSignature(byte[] body, PrivateKey key) throws Exception {
        JWSObject jws = new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("provider").build(),
                new Payload(body));
        jws.sign(new RSASSASigner(key));
        return jws.serialize(true);
    }

    private static RSAPublicKey clientPublicKey() throws Exception {
        String pem = Files.readString(CLIENT_KEY, StandardCharsets.US_ASCII);
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(der));
        return (RSAPublicKey) rsa.generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static String s256(String verifier) throws Exception {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
