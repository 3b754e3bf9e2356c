package org.edurecords.ncp.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.FlowClient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** What every answer carries, whoever made it, and where redirects lead whatever Host the client sent. */
@QuarkusTest
class ResponseHeadersTest {

    private static String publicBase() {
        return "http://localhost:" + RestAssured.port;
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/css/ncp.css", "/css/missing.css", "/q/health/ready", "/q/health/live", "/q/metrics",
            "/emreg", "/no/such/page", "/favicon.ico"})
    void everyAnswerSaysNosniff(String path) {
        Response response = given().redirects().follow(false).get(path);
        assertEquals("nosniff", response.header("X-Content-Type-Options"), path + " answered " + response.statusCode());
    }

    @Test
    void aRedirectNeverFollowsTheHostHeader() {
        Response response = given().redirects().follow(false).header("Host", "evil.example").get("/my-results/share");
        assertEquals(303, response.statusCode());
        String location = response.header("Location");
        assertTrue(location.equals(publicBase() + "/my-results") || location.equals("/my-results"), location);
        assertTrue(!location.contains("evil.example"), location);
    }

    @Test
    void aLoginRedirectInsideAFlowNeverFollowsTheHostHeader() {
        DemoFlow flow = new DemoFlow("host-" + System.nanoTime(), "https://client.example.org/r").start();
        Response login = given().redirects().follow(false).header("Host", "evil.example:8443")
                .cookies(flow.client.cookies())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam(FlowClient.CSRF_FIELD, flow.client.csrfToken())
                .formParams(Map.of("username", "anna", "password", "demo"))
                .post(flow.flowPath + "/login");
        assertEquals(303, login.statusCode(), login.asString());
        String location = login.header("Location");
        assertTrue(location.startsWith(publicBase() + flow.flowPath + "/select") || location.startsWith(flow.flowPath),
                location);
    }

    @Test
    void theRegistryEntryUsesThePublicUrlWithThePortTheDemoListensOn() {
        String url = given().header("Host", "evil.example").get("/emreg").then().statusCode(200).extract().jsonPath()
                .getString("url");
        assertEquals(publicBase() + "/emrex", url);
    }
}
