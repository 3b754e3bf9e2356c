package org.edurecords.ncp.emrex;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.Answers;
import org.edurecords.ncp.support.LogCapture;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The entry point, {@code POST /emrex}, against the conformance checklist's entry items. */
@QuarkusTest
class EmrexEntryRouteTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn?case=42";

    @Test
    void validRequestRedirectsToLoginAndBindsTheFlowToTheBrowser() {
        Response response = new FlowClient().enter(Map.of("sessionId", "abc", "returnUrl", RETURN_URL));
        assertEquals(303, response.statusCode());
        assertTrue(response.header("Location").matches(".*/emrex/flow/[A-Za-z0-9_-]{43}/login"), response.header("Location"));
        String setCookie = response.header("Set-Cookie").toLowerCase(java.util.Locale.ROOT);
        assertTrue(setCookie.contains("ncp-flow=") && setCookie.contains("httponly") && setCookie.contains("samesite=lax"),
                setCookie);
    }

    @ParameterizedTest
    @ValueSource(ints = {36, 128, 256})
    void longSessionIdsAreAccepted(int length) {
        Response response = new FlowClient().enter(Map.of("sessionId", "s".repeat(length), "returnUrl", RETURN_URL));
        assertEquals(303, response.statusCode());
    }

    @Test
    void unknownParametersAreIgnored() {
        Response response = new FlowClient().enter(Map.of("sessionId", "abc", "returnUrl", RETURN_URL, "lang", "fi",
                "allowToPickCourses", "false"));
        assertEquals(303, response.statusCode());
    }

    @Test
    void multipartIsAccepted() {
        given().redirects().follow(false).multiPart("sessionId", "multi").multiPart("returnUrl", RETURN_URL)
                .post("/emrex").then().statusCode(303);
    }

    @Test
    void sameParameterTwiceWithTheSameValueIsAccepted() {
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("sessionId=a&sessionId=a&returnUrl=" + URLEncoder.encode(RETURN_URL, StandardCharsets.UTF_8))
                .post("/emrex").then().statusCode(303);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sessionId=a&sessionId=b&returnUrl=https%3A%2F%2Fclient.example.org%2Fr",
            "sessionId=a&returnUrl=https%3A%2F%2Fclient.example.org%2Fr&returnUrl=https%3A%2F%2Fevil.example%2Fr",
            "returnUrl=https%3A%2F%2Fclient.example.org%2Fr",
            "sessionId=&returnUrl=https%3A%2F%2Fclient.example.org%2Fr",
            "sessionId=a",
            "sessionId=a&returnUrl=%2Frelative%2Fpath",
            "sessionId=a&returnUrl=javascript%3Aalert(1)",
            "sessionId=a&returnUrl=data%3Atext%2Fhtml%2C%3Cscript%3E",
            "sessionId=a&returnUrl=http%3A%2F%2Fclient.example.org%2Fr",
            "sessionId=a&returnUrl=http%3A%2F%2F10.0.0.1%2Fr",
            "sessionId=a&returnUrl=ftp%3A%2F%2Fclient.example.org%2Fr",
            "sessionId=a&returnUrl=https%3A%2F%2Fuser%3Apass%40client.example.org%2Fr",
            "sessionId=a%0Ab&returnUrl=https%3A%2F%2Fclient.example.org%2Fr",
            "sessionId=a&returnUrl=https%3A%2F%2Fclient.example.org%2F%20r%20%3C"
    })
    void invalidRequestsGet400WithAPageAndNoFormToTheReturnUrl(String body) {
        Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Accept-Language", "en").body(body).post("/emrex");
        assertEquals(400, response.statusCode(), body);
        assertTrue(response.contentType().startsWith("text/html"));
        Document page = FlowClient.html(response);
        assertTrue(page.select("form").isEmpty(), "no form may be rendered for an invalid request");
        assertFalse(page.select("ul.problems li").isEmpty(), "the page says what is wrong");
        assertNull(response.header("Location"));
    }

    @Test
    void tooLongValuesAreRefused() {
        new FlowClient().enter(Map.of("sessionId", "x".repeat(257), "returnUrl", RETURN_URL)).then().statusCode(400)
                .body(containsString("256"));
        new FlowClient().enter(Map.of("sessionId", "x", "returnUrl", "https://client.example.org/" + "a".repeat(2100)))
                .then().statusCode(400).body(containsString("2048"));
    }

    @Test
    void problemsAreExplainedInNorwegianWhenTheBrowserAsksForIt() {
        given().redirects().follow(false).header("Accept-Language", "nb-NO,nb;q=0.9,en;q=0.5")
                .contentType("application/x-www-form-urlencoded").body("sessionId=a").post("/emrex")
                .then().statusCode(400).body(containsString("Returadressen (returnUrl) mangler"))
                .body(containsString("lang=\"nb\""));
    }

    @Test
    void sessionIdWithMarkupIsNeverReflectedRaw() {
        Response response = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .body("sessionId=%3Cscript%3E%22%26&returnUrl=javascript%3Ax").post("/emrex");
        assertEquals(400, response.statusCode());
        assertFalse(response.asString().contains("<script>\"&"));
    }

    @Test
    void getIsExplainedWith405() {
        given().redirects().follow(false).get("/emrex").then().statusCode(405).header("Allow", equalTo("POST"))
                .contentType(startsWith("text/html")).body(containsString("sessionId"))
                .body(not(containsString("Exception")));
    }

    @Test
    void securityHeadersAreSet() {
        Response response = new FlowClient().enter(Map.of("sessionId", "abc"));
        assertEquals(400, response.statusCode());
        assertNotNull(response.header("Content-Security-Policy"));
        assertEquals("nosniff", response.header("X-Content-Type-Options"));
        assertEquals("DENY", response.header("X-Frame-Options"));
    }

    private static Response postRaw(byte[] body, String language) {
        return Answers.rawForm(language).body(body).post("/emrex");
    }

    /** The entry's own page, listing exactly these problems in the bundle's words. */
    private static void assertProblems(Response response, String language, String... keys) {
        Document page = Answers.assertPage(response, 400, language, "entry_invalid_title");
        assertTrue(page.select("form").isEmpty(), "no form may be rendered for an invalid request");
        java.util.Properties bundle = Answers.bundle(language);
        assertEquals(java.util.Arrays.stream(keys).map(bundle::getProperty).toList(),
                page.select("ul.problems li").eachText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sessionId=%", "sessionId=%zz", "sessionId=%zz&returnUrl=https%3A%2F%2Fclient.example.org%2Fr",
            "sessionId=a%2&returnUrl=https%3A%2F%2Fclient.example.org%2Fr",
            "returnUrl=https%3A%2F%2Fclient.example.org%2Fr&sessionId=%e2%28%a1"})
    void anUndecodableEntryIsItsOwnPageWithOneWarning(String body) {
        try (LogCapture log = LogCapture.start()) {
            assertProblems(postRaw(body.getBytes(StandardCharsets.US_ASCII), "nb"), "nb", "problem_body_unreadable");
            Answers.assertOneWarning(log);
        }
    }

    @Test
    void binaryBytesAreAnUnreadableEntry() {
        byte[] binary = {'s', 'e', 's', 's', 'i', 'o', 'n', 'I', 'd', '=', 0, '%', (byte) 0xff, (byte) 0xfe, '&',
                'r', '=', (byte) 0x80, '%', 'g'};
        try (LogCapture log = LogCapture.start()) {
            assertProblems(postRaw(binary, "en"), "en", "problem_body_unreadable");
            Answers.assertOneWarning(log);
        }
        String fields = java.util.stream.IntStream.range(0, 300).mapToObj(i -> "f" + i + "=x")
                .collect(java.util.stream.Collectors.joining("&"));
        Answers.assertPage(postRaw(fields.getBytes(StandardCharsets.US_ASCII), "en"), 413, "en", "error_too_large");
    }

    @Test
    void aBodyOverTheEntryLimitIsThePersonsPageWith413() {
        byte[] large = ("sessionId=a&returnUrl=https%3A%2F%2Fclient.example.org%2Fr&pad=" + "x".repeat(64 * 1024))
                .getBytes(StandardCharsets.US_ASCII);
        try (LogCapture log = LogCapture.start()) {
            Answers.assertPage(postRaw(large, "nb"), 413, "nb", "error_too_large");
            Answers.assertOneWarning(log);
        }
    }

    @Test
    void aClientThatAsksForJsonGetsTheProblemsAsJson() {
        Response entry = Answers.rawForm("nb").accept("application/json")
                .body("sessionId=a".getBytes(StandardCharsets.US_ASCII)).post("/emrex");
        Answers.assertJson(entry, 400);
        assertEquals("entry_invalid", entry.jsonPath().getString("error"));
        assertTrue(entry.jsonPath().getString("message").contains(Answers.bundle("en")
                .getProperty("problem_returnUrl_missing")), entry.asString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"+", "+++", "%C2%A0", "%E2%80%83%20"})
    void aSessionIdOfOnlyWhitespaceIsRefused(String sessionId) {
        String body = "sessionId=" + sessionId + "&returnUrl=" + URLEncoder.encode(RETURN_URL, StandardCharsets.UTF_8);
        assertProblems(postRaw(body.getBytes(StandardCharsets.US_ASCII), "en"), "en", "problem_sessionId_blank");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://client.example.org:0/r", "https://client.example.org:65536/r",
            "https://client.example.org:99999/r"})
    void aReturnUrlWithAPortOutsideTheRangeIsRefused(String returnUrl) {
        String body = "sessionId=a&returnUrl=" + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8);
        assertProblems(postRaw(body.getBytes(StandardCharsets.US_ASCII), "nb"), "nb", "problem_returnUrl_port");
        new FlowClient().enter(Map.of("sessionId", "a", "returnUrl", "https://client.example.org:65535/r")).then()
                .statusCode(303);
    }
}
