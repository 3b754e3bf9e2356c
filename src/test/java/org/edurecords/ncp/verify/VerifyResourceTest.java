package org.edurecords.ncp.verify;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.edurecords.ncp.support.Answers;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.LogCapture;
import org.junit.jupiter.api.Test;

/** POST /api/verify over HTTP with documents this NCP really produced, and with bad input. */
@QuarkusTest
class VerifyResourceTest {

    @Inject
    VerifyPermits permits;

    private static String elmo;

    /** One real NCP_OK answer of the demo learner Anna (two UiO courses and one NTNU course). */
    static synchronized String realAnswer() {
        if (elmo == null) {
            DemoFlow flow = new DemoFlow("verify-" + System.nanoTime(), "https://receiver.example.org/return").start();
            flow.login("anna", "demo");
            flow.select(Map.of("lo", List.of("113", "121", "136")));
            elmo = DemoFlow.answerFields(flow.confirm(), "https://receiver.example.org/return").get("elmo");
        }
        return elmo;
    }

    private static JsonPath postJson(Map<String, ?> body) {
        Response response = given().contentType("application/json").body(body).post("/api/verify");
        assertEquals(200, response.statusCode(), response.asString());
        assertEquals("no-store", response.header("Cache-Control"));
        return response.jsonPath();
    }

    private static String verdict(JsonPath json, String step) {
        return json.getString("steps.find { it.name == '" + step + "' }.verdict");
    }

    @Test
    void realDocumentIsValidWithStructuredSummary() {
        JsonPath json = postJson(Map.of("elmo", realAnswer(), "givenNames", "Anna Kristine",
                "familyName", "Sørbø-Łukasiewicz", "birthDate", "1998-04-17", "ncp", "EDU-NCP"));
        assertTrue(json.getBoolean("valid"), json.prettify());
        assertEquals("VALID", json.getString("verdict"));
        assertEquals(List.of("base64", "gunzip", "parse", "schema", "signature-structure", "signature-algorithms",
                "signature-key", "learner", "summary"), json.getList("steps.name"));
        assertEquals(List.of("PASS"), json.getList("steps.verdict").stream().distinct().toList(), json.prettify());
        assertEquals("EDU-NCP", json.getString("signature.verifiedBy.acronym"));
        assertEquals("http://localhost:" + io.restassured.RestAssured.port + "/emrex", json.getString("signature.verifiedBy.url"));
        assertEquals("http://www.w3.org/2001/04/xmldsig-more#rsa-sha256", json.getString("signature.signatureAlgorithm"));
        assertTrue(json.getBoolean("signature.keyInfoMatchesRegistry"));
        assertEquals("MATCH", json.getString("learnerMatch.verdict"));
        assertEquals(100, json.getInt("learnerMatch.score"));

        assertEquals("Sørbø-Łukasiewicz", json.getString("summary.learner.familyName"));
        assertEquals("1998-04-17", json.getString("summary.learner.birthDate"));
        assertEquals(2, json.getList("summary.reports").size());
        assertEquals(List.of("ntnu.no", "uio.no"), json.getList("summary.reports.schac", String.class).stream().sorted().toList());
        List<Map<String, Object>> results = json.getList("summary.reports.results.flatten()");
        assertTrue(results.stream().allMatch(r -> r.get("title") != null && r.get("status") != null), results.toString());
        assertTrue(results.stream().anyMatch(r -> r.get("grade") != null && r.get("credits") != null && r.get("date") != null));
        assertTrue(json.getInt("summary.totals.results") >= 3);
        assertEquals(json.getInt("summary.totals.results"),
                json.getList("summary.reports.totals.results", Integer.class).stream().mapToInt(Integer::intValue).sum());
        assertEquals("EMREX transcript", json.getString("summary.attachments[0].type"));
        assertTrue(json.getBoolean("summary.attachments[0].pdf"));
        assertEquals("application/pdf", json.getString("summary.attachments[0].mediaType"));
    }

    @Test
    void formPostGivesTheSameAnswer() {
        JsonPath json = given().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("elmo", realAnswer()).formParam("givenNames", "Anna").formParam("familyName", "Sorbo-Lukasiewicz")
                .post("/api/verify").then().statusCode(200).extract().jsonPath();
        assertTrue(json.getBoolean("valid"), json.prettify());
        assertEquals("MATCH", json.getString("learnerMatch.verdict"), "first given name and plain letters match");
    }

    @Test
    void anotherPersonIsAMismatch() {
        JsonPath json = postJson(Map.of("elmo", realAnswer(), "givenNames", "Anna Kristine",
                "familyName", "Sørbø-Łukasiewicz", "birthDate", "1998-04-18"));
        assertFalse(json.getBoolean("valid"));
        assertEquals("MISMATCH", json.getString("learnerMatch.verdict"));
        assertEquals("DIFFERENT", json.getString("learnerMatch.birthDate"));
        assertEquals("FAIL", verdict(json, "learner"));
        assertEquals("PASS", verdict(json, "signature-key"), "the signature itself is fine");

        JsonPath other = postJson(Map.of("elmo", realAnswer(), "givenNames", "Bjørn", "familyName", "Ødegård"));
        assertEquals("MISMATCH", other.getString("learnerMatch.verdict"));
        assertTrue(other.getInt("learnerMatch.score") < 70, other.prettify());
    }

    @Test
    void misspeltNameIsPartial() {
        JsonPath json = postJson(Map.of("elmo", realAnswer(), "givenNames", "Ana Kristin",
                "familyName", "Sørbø-Łukasiewics", "birthDate", "1998-04-17"));
        assertTrue(json.getBoolean("valid"), "a warning does not invalidate");
        assertEquals("PARTIAL", json.getString("learnerMatch.verdict"), json.prettify());
        assertEquals("WARN", verdict(json, "learner"));
    }

    @Test
    void gzipBombOverHttpIsRefusedAtTheConfiguredLimit() throws Exception {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 17; i++) {
                out.write(zeros);
            }
        }
        JsonPath json = postJson(Map.of("elmo", Base64.getEncoder().encodeToString(gz.toByteArray())));
        assertEquals("FAIL", verdict(json, "gunzip"));
        assertTrue(json.getString("steps.find { it.name == 'gunzip' }.message").contains("16000000"));
    }

    @Test
    void badRequestsGetJsonErrorsWithoutStackTraces() {
        Response missing = given().contentType("application/json").body(Map.of("givenNames", "X")).post("/api/verify");
        assertEquals(400, missing.statusCode());
        assertEquals("elmo_missing", missing.jsonPath().getString("error"));

        Response notJson = given().contentType("application/json").body("{not json").post("/api/verify");
        assertEquals(400, notJson.statusCode());
        assertEquals("json_invalid", notJson.jsonPath().getString("error"));
        assertFalse(notJson.asString().contains("Exception"));

        Response text = given().contentType("text/plain").body("abc").post("/api/verify");
        assertEquals(415, text.statusCode());

        Response get = given().get("/api/verify");
        assertEquals(405, get.statusCode());
        assertEquals("POST", get.header("Allow"));

        JsonPath garbage = postJson(Map.of("elmo", "not base64!"));
        assertEquals("FAIL", verdict(garbage, "base64"));
        assertEquals("SKIPPED", verdict(garbage, "gunzip"));
        assertFalse(garbage.getBoolean("valid"));
    }

    @Test
    void anEmptyJsonBodyIsA400() {
        try (LogCapture log = LogCapture.start()) {
            Response empty = given().contentType("application/json").body(new byte[0]).post("/api/verify");
            Answers.assertJson(empty, 400);
            assertEquals("json_invalid", empty.jsonPath().getString("error"));
            Answers.assertOneWarning(log);
        }
        Answers.assertJson(given().contentType("application/json").body("   ").post("/api/verify"), 400);
    }

    @Test
    void bodiesThatAreNotAFormOrTooManyFieldsAreTheProductsJson() {
        byte[] binary = {'e', 'l', 'm', 'o', '=', 0, '%', (byte) 0xff, '&', 'n', 'c', 'p', '=', (byte) 0x80, '%', 'g'};
        try (LogCapture log = LogCapture.start()) {
            Answers.assertJson(Answers.rawForm("en").body(binary).post("/api/verify"), 400);
            Answers.assertOneWarning(log);
        }
        String fields = java.util.stream.IntStream.range(0, 1001).mapToObj(i -> "f" + i + "=x")
                .collect(java.util.stream.Collectors.joining("&"));
        Answers.assertJson(given().contentType("application/x-www-form-urlencoded").body(fields).post("/api/verify"), 413);
        Answers.assertJson(given().contentType("text/plain").body("abc").post("/api/verify"), 415);
        Answers.assertJson(given().get("/api/verify"), 405);
    }

    @Test
    void requestsUpToTheVerifyLimitAreRead() {
        // Both far above a page form's limit: an ELMO value with a PDF is large, in JSON as in a form field.
        JsonPath json = postJson(Map.of("elmo", "A".repeat(2_000_000)));
        assertEquals("PASS", verdict(json, "base64"));
        JsonPath form = given().contentType("application/x-www-form-urlencoded").formParam("elmo", "A".repeat(100_000))
                .post("/api/verify").then().statusCode(200).extract().jsonPath();
        assertEquals("PASS", verdict(form, "base64"));
    }

    @Test
    void moreVerificationsAtOnceThanAllowedAreRefusedBeforeTheirBodyIsRead() throws Exception {
        VerifierSlots.awaitIdle(permits);
        twoStalledClientsMakeTheNextOneBusy();
        // Closed connections give their slots back, each once: the limit is again two, not more.
        Response after = null;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < until) {
            after = given().contentType("application/json").body("{\"elmo\":\"x\"}").post("/api/verify");
            if (after.statusCode() != 503) {
                break;
            }
        }
        assertEquals(200, after.statusCode(), after.asString());
        twoStalledClientsMakeTheNextOneBusy();
    }

    /** Two clients start sending bodies and stall: they hold the two slots (ncp.verify.max-concurrent). */
    private void twoStalledClientsMakeTheNextOneBusy() throws Exception {
        List<Socket> stalled = VerifierSlots.twoStalledClients("POST /api/verify HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: application/json\r\nContent-Length: 1000000\r\n\r\n{\"elmo\":\"");
        try {
            Response busy = null;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            // The stalled requests reach the server asynchronously; ask until both hold their slot.
            while (System.nanoTime() < until) {
                busy = given().contentType("application/json").body("{\"elmo\":\"x\"}").post("/api/verify");
                if (busy.statusCode() == 503) {
                    break;
                }
            }
            assertEquals(503, busy.statusCode(), "free slots " + permits.available() + ": " + busy.asString());
            assertEquals("2", busy.header("Retry-After"));
            assertEquals("busy", busy.jsonPath().getString("error"));
        } finally {
            VerifierSlots.close(stalled);
        }
    }
}
