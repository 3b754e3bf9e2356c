package org.edurecords.ncp.emrex2;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.ledger.DisclosureEvent;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.FrozenClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /results}: every format, the signature on every answer, the token's limits and the ledger. */
@QuarkusTest
class ResultsResourceTest {

    @TestHTTPResource("/")
    java.net.URL base;

    FrozenClock clock;

    @BeforeEach
    void freeze() {
        clock = FrozenClock.install();
    }

    private String tokenFor(String user) {
        Emrex2Client client = new Emrex2Client(base.toString());
        Response token = client.token(client.consent(user, "demo"));
        assertEquals(200, token.statusCode(), token.asString());
        return token.jsonPath().getString("access_token");
    }

    @Test
    void theElmoIsTheSignedDocumentAndTheAnswerIsSignedOverItsExactBytes() throws Exception {
        String token = tokenFor("anna");
        Response elmo = given().header("Authorization", "Bearer " + token).header("X-Request-ID", "case-4711")
                .get("/results?data_format=elmo&data_format_version=1.7");
        assertEquals(200, elmo.statusCode());
        assertTrue(elmo.contentType().startsWith("application/xml"));
        assertEquals("case-4711", elmo.header("X-Request-ID"));
        assertEquals("RS256", elmo.header("X-Signature-Algorithm"));
        assertEquals("RS256", elmo.header("X-Signature-Alg"));
        X509Certificate certificate = Emrex2Client.publishedCertificate();
        assertTrue(Emrex2Client.signatureValid(elmo, certificate), "X-Signature checks with the JDK");
        byte[] body = elmo.asByteArray();
        org.w3c.dom.Document document = ElmoChecks.parse(body);
        ElmoChecks.assertValid(document);
        assertTrue(ElmoChecks.verify(document).valid(), "the enveloped XML signature checks with the JDK");
        String text = new String(body, StandardCharsets.UTF_8);
        assertTrue(text.contains("Anna Kristine"), "anna's document");
        byte[] tampered = body.clone();
        tampered[tampered.length / 2] ^= 1;
        assertFalse(Emrex2Client.signatureValid(elmo.header("X-Signature"), tampered, certificate),
                "one changed byte and the signature no longer checks");
        Response again = given().header("Authorization", "Bearer " + token).get("/results");
        assertEquals(200, again.statusCode(), "the default format is elmo");
        assertArrayEquals(body, again.asByteArray(), "the consented document, every time");
    }

    @Test
    void userinfoPdfMetadataAndThePdf() throws Exception {
        String token = tokenFor("anna");
        X509Certificate certificate = Emrex2Client.publishedCertificate();
        Response userinfo = Emrex2Client.results(token, "data_format=userinfo");
        assertEquals(200, userinfo.statusCode());
        assertTrue(userinfo.asString().contains("learner") && userinfo.asString().contains("Anna Kristine"));
        assertTrue(Emrex2Client.signatureValid(userinfo, certificate));
        Response metadata = Emrex2Client.results(token, "data_format=pdf_metadata");
        assertEquals(200, metadata.statusCode());
        assertTrue(Emrex2Client.signatureValid(metadata, certificate));
        String pdfId = metadata.jsonPath().getString("pdf_list[0].pdf_id");
        String checksum = metadata.jsonPath().getString("pdf_list[0].checksum");
        Response pdf = Emrex2Client.results(token, "data_format=pdf&pdf_id=" + pdfId);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        byte[] bytes = pdf.asByteArray();
        assertEquals("%PDF", new String(bytes, 0, 4, StandardCharsets.US_ASCII));
        assertEquals(metadata.jsonPath().getInt("pdf_list[0].size_bytes"), bytes.length);
        assertEquals("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), checksum);
        assertTrue(Emrex2Client.signatureValid(pdf, certificate));
        Response unknownPdf = Emrex2Client.results(token, "data_format=pdf&pdf_id=nope");
        assertEquals(404, unknownPdf.statusCode());
        assertTrue(Emrex2Client.signatureValid(unknownPdf, certificate));
    }

    @Test
    void unsupportedFormatsAndVersionsAre400AndSignedToo() {
        String token = tokenFor("anna");
        X509Certificate certificate = Emrex2Client.publishedCertificate();
        for (String query : new String[] {"data_format=elm", "data_format=elmo&data_format_version=1.6",
                "data_format=pdf", "data_format=eidas"}) {
            Response refused = Emrex2Client.results(token, query);
            assertEquals(400, refused.statusCode(), query);
            assertEquals("invalid_request", refused.jsonPath().getString("error"));
            assertTrue(Emrex2Client.signatureValid(refused, certificate), query);
        }
    }

    @Test
    void withoutAGoodTokenThereIsNothing() {
        Response none = given().get("/results");
        assertEquals(401, none.statusCode());
        assertEquals("invalid_token", none.jsonPath().getString("error"));
        assertTrue(none.header("WWW-Authenticate").startsWith("Bearer"));
        assertEquals(401, Emrex2Client.results("made-up-token", "").statusCode());
        String token = tokenFor("anna");
        clock.advance(Duration.ofSeconds(301));
        Response expired = Emrex2Client.results(token, "");
        assertEquals(401, expired.statusCode());
        assertEquals("invalid_token", expired.jsonPath().getString("error"));
    }

    @Test
    void aTokenReadsOnlyItsOwnFlow() {
        String anna = tokenFor("anna");
        String other = tokenFor("carla");
        String annas = Emrex2Client.results(anna, "").asString();
        String others = Emrex2Client.results(other, "").asString();
        assertNotEquals(annas, others);
        assertTrue(annas.contains("Anna Kristine"));
        assertFalse(others.contains("Anna Kristine"), "the other token gives the other learner's document only");
    }

    @Test
    void aStudentWithoutResultsGives204SignedOverTheEmptyBody() {
        Emrex2Client client = new Emrex2Client(base.toString());
        client.startAndLogin("bjorn", "demo");
        org.jsoup.nodes.Document page = org.edurecords.ncp.support.FlowClient.html(client.login);
        String href = page.selectFirst("a#emrex-answer") == null ? null : page.selectFirst("a#emrex-answer").attr("href");
        assertTrue(href != null && href.startsWith(client.redirectUri), "the no-results page leads back: " + page.text());
        Map<String, String> answer = client.redirectParameters(href);
        String token = client.token(answer.get("code")).jsonPath().getString("access_token");
        Response empty = Emrex2Client.results(token, "");
        assertEquals(204, empty.statusCode());
        assertEquals(0, empty.asByteArray().length);
        assertTrue(Emrex2Client.signatureValid(empty, Emrex2Client.publishedCertificate()));
    }

    @Test
    void everyRetrievalIsInTheOwnersLedger() {
        long before = QuarkusTransaction.requiringNew().call(() -> DisclosureEvent.count("kind",
                DisclosureKind.EMREX2_RETRIEVAL));
        String token = tokenFor("anna");
        Emrex2Client.results(token, "");
        Emrex2Client.results(token, "data_format=userinfo");
        long after = QuarkusTransaction.requiringNew().call(() -> DisclosureEvent.count("kind",
                DisclosureKind.EMREX2_RETRIEVAL));
        assertEquals(before + 2, after);
        // The consent's row and the retrievals' rows name the same consent (ref id) and document.
        java.util.List<DisclosureEvent> rows = QuarkusTransaction.requiringNew().call(() -> DisclosureEvent
                .<DisclosureEvent>list("order by id desc").subList(0, 3));
        assertEquals(DisclosureKind.EMREX_TRANSFER, rows.get(2).kind);
        assertEquals("EMREX2_OK", rows.get(2).returnCode);
        assertTrue(rows.get(2).reference != null && rows.get(2).reference.length() >= 43);
        for (DisclosureEvent retrieval : rows.subList(0, 2)) {
            assertEquals(DisclosureKind.EMREX2_RETRIEVAL, retrieval.kind);
            assertEquals(rows.get(2).reference, retrieval.reference);
            assertEquals(rows.get(2).documentId, retrieval.documentId);
        }
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Consent.findById(rows.get(2).reference) != null),
                "the reference is the consent's ref id");
    }
}
