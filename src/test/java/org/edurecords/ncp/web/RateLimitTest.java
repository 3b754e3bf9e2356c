package org.edurecords.ncp.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.FrozenClock;
import org.edurecords.ncp.support.LimitsProfile;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Limits per client address on new flows and on every login step, with 1 request a minute after a burst of 3
 * ({@link LimitsProfile}). Each test speaks for addresses of its own through X-Forwarded-For; the clock stands
 * still unless the test moves it.
 */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class RateLimitTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn?case=42";
    private static final Map<String, String> ENTRY = Map.of("sessionId", "limit", "returnUrl", RETURN_URL);

    @Inject
    EntityManager em;

    FrozenClock clock;

    @BeforeEach
    void frozenClock() {
        clock = FrozenClock.install();
    }

    @Test
    void aBurstWithinTheLimitPassesTheNextIsRefusedAndCreatesNothing() {
        FlowClient client = FlowClient.from("192.0.2.10");
        long before = flows();
        for (int i = 1; i <= 3; i++) {
            Response entry = client.enter(ENTRY);
            assertEquals(303, entry.statusCode(), "request " + i + " of the burst: " + entry.asString());
        }
        assertEquals(before + 3, flows());

        Response refused = client.enter(ENTRY);
        assertEquals(429, refused.statusCode());
        assertEquals("60", refused.header("Retry-After"), "one flow a minute after the burst");
        assertEquals("no-store", refused.header("Cache-Control"));
        assertEquals("nosniff", refused.header("X-Content-Type-Options"));
        assertTrue(refused.contentType().startsWith("text/html"), refused.contentType());
        Document page = FlowClient.html(refused);
        assertEquals("en", page.selectFirst("html").attr("lang"));
        assertTrue(page.text().contains("Too many requests of this kind came from your address"), page.text());
        assertEquals(null, refused.header("Location"));
        assertEquals(before + 3, flows(), "the refused entry created no flow");

        // The rate refills: one more a minute later, and not two.
        clock.advance(Duration.ofSeconds(59));
        assertEquals(429, client.enter(ENTRY).statusCode());
        clock.advance(Duration.ofSeconds(1));
        assertEquals(303, client.enter(ENTRY).statusCode());
        assertEquals(429, client.enter(ENTRY).statusCode());
        assertEquals(before + 4, flows());

        // After three idle minutes the whole burst is back.
        clock.advance(Duration.ofMinutes(3));
        for (int i = 1; i <= 3; i++) {
            assertEquals(303, client.enter(ENTRY).statusCode(), "burst again, request " + i);
        }
        assertEquals(429, client.enter(ENTRY).statusCode());
    }

    @Test
    void eachAddressHasItsOwnLimitAndIpv6CountsBy64() {
        exhaust(FlowClient.from("192.0.2.20"));
        assertEquals(303, FlowClient.from("192.0.2.21").enter(ENTRY).statusCode(), "the neighbour is not limited");

        exhaust(FlowClient.from("[2001:db8:20:1::5]"));
        assertEquals(429, FlowClient.from("[2001:db8:20:1:ffff::9]").enter(ENTRY).statusCode(),
                "another address of the same /64 shares its limit");
        assertEquals(303, FlowClient.from("[2001:db8:20:2::5]").enter(ENTRY).statusCode(), "another /64 does not");
    }

    @Test
    void theRefusalSpeaksThePersonsLanguageOrJson() {
        FlowClient client = FlowClient.from("192.0.2.30");
        exhaust(client);
        Response norwegian = given().redirects().follow(false).header("X-Forwarded-For", "192.0.2.30")
                .header("Accept-Language", "nb-NO,nb;q=0.9,en;q=0.5").contentType("application/x-www-form-urlencoded")
                .formParams(ENTRY).post("/emrex");
        assertEquals(429, norwegian.statusCode());
        assertEquals("nb", norwegian.header("Content-Language"));
        Document page = FlowClient.html(norwegian);
        assertEquals("nb", page.selectFirst("html").attr("lang"));
        assertTrue(page.text().contains("Det kom for mange forespørsler"), page.text());

        Response json = given().redirects().follow(false).header("X-Forwarded-For", "192.0.2.30")
                .accept("application/json").contentType("application/x-www-form-urlencoded").formParams(ENTRY)
                .post("/emrex");
        assertEquals(429, json.statusCode());
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
        assertEquals(429, json.jsonPath().getInt("status"));
        assertEquals("error_rate_limited", json.jsonPath().getString("error"));
        assertEquals("60", json.header("Retry-After"));
    }

    @Test
    void everyLoginStepIsLimitedAndTheLoginPageIsNot() {
        String flow = "/emrex/flow/" + "F".repeat(32);
        Map<String, Function<FlowClient, Response>> steps = Map.of(
                "portal demo login", c -> c.post("/my-results/login/demo", Map.of("username", "anna", "password", "wrong")),
                "portal OIDC start", c -> c.get("/my-results/login/oidc/start"),
                "portal header login", c -> c.get("/my-results/login/header", Map.of()),
                "flow demo login", c -> c.post(flow + "/login", Map.of("username", "anna", "password", "wrong")),
                "flow OIDC start", c -> c.get(flow + "/login/oidc/start"),
                "flow header login", c -> c.get(flow + "/login/header", Map.of()));
        int n = 40;
        for (Map.Entry<String, Function<FlowClient, Response>> step : steps.entrySet()) {
            FlowClient client = FlowClient.from("192.0.2." + n++);
            client.get("/my-results"); // a page with a form: the CSRF token for the POSTs
            for (int i = 1; i <= 3; i++) {
                Response allowed = step.getValue().apply(client);
                assertNotEquals(429, allowed.statusCode(), step.getKey() + ", request " + i);
            }
            Response refused = step.getValue().apply(client);
            assertEquals(429, refused.statusCode(), step.getKey());
            assertEquals("60", refused.header("Retry-After"), step.getKey());
            assertTrue(FlowClient.html(refused).text().contains("Too many requests"), step.getKey());
        }

        // Showing the login form is no login: it stays reachable for an address that used up its logins.
        FlowClient client = FlowClient.from("192.0.2." + n);
        client.get("/my-results");
        for (int i = 0; i < 3; i++) {
            client.post("/my-results/login/demo", Map.of("username", "anna", "password", "wrong"));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(200, client.get("/my-results").statusCode());
        }
        assertEquals(429, client.post("/my-results/login/demo", Map.of("username", "anna", "password", "demo")).statusCode(),
                "the right password waits like any other");
        assertEquals(429, client.get("/my-results/login/oidc/start").statusCode(), "all login steps share one limit");
    }

    @Test
    void sendingLinksByEmailIsLimitedPerAddress() {
        FlowClient client = FlowClient.from("192.0.2.70");
        client.get("/my-results"); // the CSRF token
        String path = "/my-results/links/" + "L".repeat(32) + "/email";
        for (int i = 1; i <= 2; i++) {
            assertNotEquals(429, client.post(path, Map.of("email", "x@example.org")).statusCode(), "request " + i);
        }
        Response refused = client.post(path, Map.of("email", "x@example.org"));
        assertEquals(429, refused.statusCode());
        assertEquals("60", refused.header("Retry-After"));
        assertTrue(FlowClient.html(refused).text().contains("Too many requests"));
        FlowClient other = FlowClient.from("192.0.2.71");
        other.get("/my-results");
        assertNotEquals(429, other.post(path, Map.of("email", "x@example.org")).statusCode(),
                "another address has its own limit");
    }

    private void exhaust(FlowClient client) {
        for (int i = 0; i < 3; i++) {
            assertEquals(303, client.enter(ENTRY).statusCode());
        }
        assertEquals(429, client.enter(ENTRY).statusCode());
    }

    private long flows() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from emrex_session").getSingleResult()).longValue());
    }
}
