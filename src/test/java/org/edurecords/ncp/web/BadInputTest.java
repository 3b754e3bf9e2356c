package org.edurecords.ncp.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.edurecords.ncp.support.Answers.assertJson;
import static org.edurecords.ncp.support.Answers.assertOneWarning;
import static org.edurecords.ncp.support.Answers.assertPage;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.edurecords.ncp.support.Answers;
import org.edurecords.ncp.support.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed, oversized and unexpected requests to every endpoint that reads a body: a person gets the
 * product's page in their language, a machine the product's JSON, always with a 4xx status, one WARN line
 * in the log and no stack trace, and no answer names a Java class.
 */
@QuarkusTest
class BadInputTest {

    private static final String TOO_MANY_FIELDS = IntStream.range(0, 1001).mapToObj(i -> "f" + i + "=x")
            .collect(Collectors.joining("&"));

    /** Bytes that are not a form: a cut percent escape, a control character, bytes that are not UTF-8. */
    private static final byte[] BINARY = {'x', '=', 0, '%', (byte) 0xff, (byte) 0xfe, 1, '&', 'y', '=',
            (byte) 0x80, '%', 'g'};

    private static RequestSpecification form(String language) {
        return Answers.rawForm(language);
    }

    private static byte[] ascii(String body) {
        return body.getBytes(StandardCharsets.US_ASCII);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/my-results/login/demo", "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/emrex/flow/abc/login",
            "/emrex/flow/abc/select", "/emrex/flow/abc/confirm", "/emrex/flow/abc/cancel",
            "/my-results/share/preview", "/my-results/share/create", "/emrex"})
    void aFormWithTooManyFieldsIsRefusedWith413AndThePersonsPage(String path) {
        try (LogCapture log = LogCapture.start()) {
            assertPage(form("nb").body(ascii(TOO_MANY_FIELDS)).post(path), 413, "nb", "error_too_large");
            assertOneWarning(log);
        }
        assertPage(form("en").body(ascii(TOO_MANY_FIELDS)).post(path), 413, "en", "error_too_large");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/my-results/login/demo", "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/emrex/flow/abc/login",
            "/emrex/flow/abc/select", "/emrex/flow/abc/confirm", "/emrex/flow/abc/cancel",
            "/my-results/share/preview", "/my-results/share/create"})
    void anUndecodableFormIsRefusedWith400AndThePersonsPage(String path) {
        try (LogCapture log = LogCapture.start()) {
            assertPage(form("nb").body(ascii("a=%zz&b=1")).post(path), 400, "nb", "error_bad_request");
            assertOneWarning(log);
        }
        try (LogCapture log = LogCapture.start()) {
            assertPage(form("en").body(BINARY).post(path), 400, "en", "error_bad_request");
            assertOneWarning(log);
        }
        assertPage(form("en").body(ascii("a=%")).post(path), 400, "en", "error_bad_request");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/my-results/login/demo", "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "/emrex/flow/abc/select",
            "/my-results/share/create", "/emrex"})
    void aFormBodyOverTheLimitIsRefusedWith413AndThePersonsPage(String path) {
        String large = "a=" + "x".repeat(70 * 1024);
        try (LogCapture log = LogCapture.start()) {
            assertPage(form("nb").body(ascii(large)).post(path), 413, "nb", "error_too_large");
            assertOneWarning(log);
        }
        // Sent in chunks, without a declared length: refused once the limit is passed, before the rest is read.
        // Quarkus REST answers that itself, with an empty 413; the plain routes give the product's page.
        HttpResponse<String> chunked = Answers.postChunked(path, "application/x-www-form-urlencoded", ascii(large), "nb");
        assertEquals(413, chunked.statusCode(), chunked.body());
        if (path.equals("/emrex")) {
            assertTrue(chunked.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
            assertTrue(chunked.body().contains(Answers.bundle("nb").getProperty("error_too_large")), chunked.body());
        }
    }

    @Test
    void theLanguageIsTheVisitorsAlsoWhenTheRequestFailsBeforeAnyResource() {
        assertPage(given().header("Accept-Language", "nb").put("/my-results"), 405, "nb", "error_method");
        assertPage(given().header("Accept-Language", "nb").contentType("application/json").body("{}")
                .post("/my-results/login/demo"), 415, "nb", "error_unsupported_media_type");
        assertPage(given().cookie(Languages.COOKIE, "nb").get("/no-such-page"), 404, "nb", "error_not_found");
        assertPage(given().header("Accept", "application/pdf").header("Accept-Language", "nb").get("/"), 406, "nb",
                "error_not_acceptable");
    }

    @Test
    void machineApisAnswerWithTheProductsJsonWhateverTheClientAccepts() {
        assertJson(given().get("/admin/no-such-thing"), 404);
        assertJson(given().get("/api/no-such-thing"), 404);
        assertJson(given().contentType("text/plain").body("{}").post(JsonProbeResource.PATH), 415);
        assertJson(given().accept("text/csv").contentType("application/json").body("{}").post(JsonProbeResource.PATH),
                406);
        assertJson(given().put(JsonProbeResource.PATH), 405);
        // A person's page when asked for JSON explicitly, e.g. by a script.
        assertJson(given().accept("application/json").put("/my-results"), 405);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"date\": ", "[1, 2", "{\"date\": \"2020-13-45\"}", "{\"count\": \"many\"}", "{\"items\": {}}",
            "{\"count\": {\"a\": 1}}", "[]", "\"text\"", "{\"date\": [1]}"})
    void jsonTheEndpointCannotReadIsA400WithTheProductsJson(String body) {
        try (LogCapture log = LogCapture.start()) {
            Response response = given().contentType("application/json").body(body).post(JsonProbeResource.PATH);
            assertJson(response, 400);
            assertEquals("error_json_invalid", response.jsonPath().getString("error"));
            assertOneWarning(log);
        }
    }

    @Test
    void theJsonErrorSaysWhereTheBodyIsWrongInTheClientsTerms() {
        Response date = given().contentType("application/json").body("{\"date\": \"2020-13-45\"}")
                .post(JsonProbeResource.PATH);
        assertTrue(date.jsonPath().getString("message").contains("date"), date.asString());
        assertTrue(date.jsonPath().getString("message").contains("YYYY-MM-DD"), date.asString());
        Response items = given().contentType("application/json").body("{\"items\": {}}").post(JsonProbeResource.PATH);
        assertTrue(items.jsonPath().getString("message").contains("items"), items.asString());
        assertTrue(items.jsonPath().getString("message").contains("list"), items.asString());
        given().contentType("application/json").body("{\"date\": \"2020-02-29\", \"count\": 2, \"items\": [\"a\"]}")
                .post(JsonProbeResource.PATH).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/my-results/login/demo", "/verification", "/my-results/logout", "/my-results/share/create",
            "/emrex/flow/abc/select", "/case-worker/logout", "/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void aPostWithoutAContentTypeIsRefusedWith415AndThePersonsPage(String path) {
        // A cross-site fetch without a body sends no content type, nor the CSRF cookie (SameSite=Strict); the CSRF
        // filter checks forms only.
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> refused = Answers.postWithoutContentType(path, "nb");
            assertTrue(refused.request().headers().firstValue("Content-Type").isEmpty());
            assertPage(refused, 415, "nb", "error_unsupported_media_type");
            assertOneWarning(log);
        }
        assertPage(Answers.postWithoutContentType(path, "en"), 415, "en", "error_unsupported_media_type");
    }

    @Test
    void aFormWithoutTheCsrfTokenIsExplainedAndLoggedOnce() {
        try (LogCapture log = LogCapture.start()) {
            assertPage(form("nb").body(ascii("username=anna&password=demo")).post("/my-results/login/demo"), 400, "nb",
                    "error_csrf");
            assertOneWarning(log);
        }
        Response json = form("en").accept("application/json, text/html;q=0.9").body(ascii("username=anna&password=demo"))
                .post("/my-results/login/demo");
        assertJson(json, 400);
        assertEquals("error_csrf", json.jsonPath().getString("error"));
    }

    @Test
    void aFailureOfAPlainRouteIsThePersonsPageToo() {
        // The demo client's return URL is a plain route without a failure page of its own.
        try (LogCapture log = LogCapture.start()) {
            assertPage(form("nb").body(BINARY).post("/demo-client/return"), 400, "nb", "error_bad_request");
            assertOneWarning(log);
        }
        assertPage(form("en").body(ascii(TOO_MANY_FIELDS)).post("/demo-client/return"), 413, "en", "error_too_large");
    }

    @Test
    void logLinesOfRefusalsKeepRequestTextOnOneLine() {
        try (LogCapture log = LogCapture.start()) {
            form("en").urlEncodingEnabled(false).body(BINARY)
                    .post("/emrex/flow/abc%0D%0A2026-01-01%20ERROR%20forged/select");
            assertFalse(log.lines().isEmpty());
            for (String line : log.lines()) {
                assertFalse(line.contains("\n") || line.contains("\r"), line);
            }
        }
    }
}
