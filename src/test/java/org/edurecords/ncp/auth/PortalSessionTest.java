package org.edurecords.ncp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The portal session: demo login, rotation, idle and absolute timeouts, logout, the no-results page. */
@QuarkusTest
class PortalSessionTest {

    @Test
    void idleSessionEnds() {
        FlowClient browser = loggedIn("anna");
        assertNotNull(FlowClient.html(browser.get("/my-results")).getElementById("learner-name"));
        // 31 minutes without a request (the idle timeout is 30 minutes).
        age(browser.cookie(PortalSessions.COOKIE), Duration.ofMinutes(31), Duration.ofMinutes(31));
        Document page = FlowClient.html(browser.get("/my-results"));
        assertNull(page.getElementById("learner-name"), "an idle session no longer shows results");
        assertNotNull(page.getElementById("username"), "the login form is shown again");
    }

    @Test
    void activeSessionStillEndsAtTheAbsoluteTimeout() {
        FlowClient browser = loggedIn("anna");
        // Active a minute ago, but logged in nine hours ago (the absolute timeout is eight hours).
        age(browser.cookie(PortalSessions.COOKIE), Duration.ofHours(9), Duration.ofMinutes(1));
        assertNull(FlowClient.html(browser.get("/my-results")).getElementById("learner-name"));
    }

    @Test
    void sessionWithinBothLimitsContinues() {
        FlowClient browser = loggedIn("anna");
        age(browser.cookie(PortalSessions.COOKIE), Duration.ofHours(7), Duration.ofMinutes(29));
        assertNotNull(FlowClient.html(browser.get("/my-results")).getElementById("learner-name"));
    }

    @Test
    void loginRotatesTheSessionIdAndEndsThePreviousOne() {
        FlowClient browser = loggedIn("anna");
        String first = browser.cookie(PortalSessions.COOKIE);
        browser.get("/my-results");
        browser.post("/my-results/login/demo", Map.of("username", "anna", "password", "demo"));
        String second = browser.cookie(PortalSessions.COOKIE);
        assertTrue(!first.equals(second), "a new session id at every login");
        Document withOld = FlowClient.html(io.restassured.RestAssured.given().cookie(PortalSessions.COOKIE, first)
                .get("/my-results"));
        assertNull(withOld.getElementById("learner-name"), "the id from before the login is worthless");
    }

    @Test
    void wrongPasswordIsRefusedWithAMessage() {
        FlowClient browser = new FlowClient();
        browser.get("/my-results");
        Response refused = browser.post("/my-results/login/demo", Map.of("username", "anna", "password", "nope"));
        assertEquals(401, refused.statusCode());
        assertNotNull(FlowClient.html(refused).getElementById("login-error"));
        assertNull(browser.cookie(PortalSessions.COOKIE));
    }

    @Test
    void learnerWithoutResultsSeesAClearNoResultsPage() {
        FlowClient browser = loggedIn("bjorn");
        Document page = FlowClient.html(browser.get("/my-results"));
        assertEquals("No results found", page.selectFirst("h1").text());
        assertNotNull(page.getElementById("no-results"));
    }

    @Test
    void anInstitutionThatCannotBeReachedIsNamedOnMyResults() {
        Document page = FlowClient.html(loggedIn("carla").get("/my-results"));
        assertTrue(page.selectFirst("#unreachable") != null, page.text());
        assertTrue(page.selectFirst("#unreachable").text().contains("Bergen"), page.text());
        assertTrue(loggedIn("anna").get("/my-results").asString().indexOf("id=\"unreachable\"") < 0);
    }

    @Test
    void logoutNeedsTheFormTokenAndEndsTheSession() {
        FlowClient browser = loggedIn("anna");
        String token = browser.cookie(PortalSessions.COOKIE);
        Response forged = io.restassured.RestAssured.given().redirects().follow(false).cookie(PortalSessions.COOKIE, token)
                .contentType("application/x-www-form-urlencoded").post("/my-results/logout");
        assertEquals(400, forged.statusCode(), "a logout without the CSRF token is refused");

        browser.get("/my-results");
        Response logout = browser.post("/my-results/logout", Map.of());
        assertEquals(303, logout.statusCode());
        assertEquals("", browser.cookie(PortalSessions.COOKIE));
        Document after = FlowClient.html(io.restassured.RestAssured.given().cookie(PortalSessions.COOKIE, token)
                .get("/my-results"));
        assertNull(after.getElementById("learner-name"), "the session is gone on the server, not only in the browser");
    }

    private static FlowClient loggedIn(String username) {
        FlowClient browser = new FlowClient();
        browser.get("/my-results");
        Response login = browser.post("/my-results/login/demo", Map.of("username", username, "password", "demo"));
        assertEquals(303, login.statusCode(), login.asString());
        assertNotNull(browser.cookie(PortalSessions.COOKIE));
        return browser;
    }

    private static void age(String token, Duration sinceLogin, Duration sinceLastRequest) {
        String hash = org.apache.commons.codec.digest.DigestUtils.sha256Hex(token);
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, PortalSession.update(
                "createdAt = ?1, lastSeenAt = ?2 where idHash = ?3", now.minus(sinceLogin), now.minus(sinceLastRequest), hash)));
    }
}
