package org.edurecords.ncp.postgres;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.edurecords.ncp.support.AdminApi;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.LogCapture;
import org.edurecords.ncp.support.RestartablePostgres;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The database restarts while the service runs and a learner is in the middle of a transfer. While it is away,
 * readiness says so and every request that needs it is answered 503 with a clear message (a page for a person,
 * JSON for a machine); once it is back, the same transfer goes on to its answer, and the pool's connections that
 * the restart broke are not handed to a request.
 */
@QuarkusTest
@TestProfile(PostgresRestartTest.RestartingDatabase.class)
class PostgresRestartTest {

    static final String RETURN_URL = "https://client.example.org/emc/onReturn";

    public static class RestartingDatabase implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(PostgresInstances.postgres("EMREX NCP restarting database"));
            // The broken connections are idle for less than the outage lasts here; in production for longer.
            config.put("quarkus.datasource.jdbc.foreground-validation-interval", "0.05S");
            return config;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartablePostgres.class));
        }
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aTransferSurvivesARestartOfTheDatabase() throws SQLException {
        String token = "Bearer " + AdminApi.TOKEN;
        given().header("Authorization", token).contentType("application/json").body(batch("20001100017"))
                .post("/admin/import/json").then().statusCode(200);
        DemoFlow flow = new DemoFlow("restart-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, flow.login("anna", "demo").statusCode());
        assertEquals(200, flow.selectionPage().statusCode());
        DemoFlow notLoggedIn = new DemoFlow("restart-login-" + System.nanoTime(), RETURN_URL).start();
        fillThePool(12);

        RestartablePostgres.stopServer();
        try (LogCapture log = LogCapture.start()) {
            Response ready = given().get("/q/health/ready");
            assertEquals(503, ready.statusCode(), ready.asString());
            assertEquals("DOWN", ready.jsonPath().getString("checks.find { it.name == 'database-write' }.status"));

            Response page = flow.selectionPage();
            assertEquals(503, page.statusCode(), page.asString());
            assertNotNull(page.header("Retry-After"));
            Document html = FlowClient.html(page);
            assertTrue(html.text().contains("The service cannot reach its database at the moment"), html.text());
            assertFalse(page.asString().contains("Exception"), "no stack trace or exception name on the page");

            assertEquals(503, notLoggedIn.login("anna", "demo").statusCode(), "a login while the database is away");
            Response entry = new FlowClient().enter(Map.of("sessionId", "during-outage", "returnUrl", RETURN_URL));
            assertEquals(503, entry.statusCode(), "a new transfer while the database is away");
            assertTrue(FlowClient.html(entry).text().contains("cannot reach its database"));

            Response json = given().header("Authorization", token).contentType("application/json")
                    .body(batch("20001100025")).post("/admin/import/json");
            assertEquals(503, json.statusCode(), json.asString());
            assertEquals("application/json", json.contentType().split(";")[0]);
            assertEquals("error_unavailable", json.jsonPath().getString("error"));

            assertTrue(log.lines().stream().anyMatch(m -> m.contains("database") && m.contains("503")),
                    log.lines().toString());
            // The transaction manager's warning about a rollback on a closed connection is the framework's own.
            List<String> traces = log.warningsAndAbove().stream().filter(r -> r.getThrown() != null)
                    .filter(r -> !r.getLoggerName().startsWith("com.arjuna"))
                    .map(r -> r.getLoggerName() + ": " + LogCapture.formatted(r)).toList();
            assertTrue(traces.isEmpty(), "an outage is logged in a line, not with a stack trace each time: " + traces);
        }

        RestartablePostgres.startServer();
        // The pool still holds connections that the restart broke; not one of them reaches a request.
        for (int i = 0; i < 8; i++) {
            assertEquals(200, flow.selectionPage().statusCode(), "request " + i + " after the restart");
        }
        awaitReady();
        Document selection = FlowClient.html(flow.selectionPage());
        flow.select(Map.of("institution", selection.select("input[name=institution]").eachAttr("value")))
                .then().statusCode(303);
        Map<String, String> fields = DemoFlow.answerFields(flow.confirm(), RETURN_URL);
        assertEquals("NCP_OK", fields.get("returnCode"));
        ElmoChecks.decodeAndCheck(fields.get("elmo"));
        assertEquals(303, notLoggedIn.login("anna", "demo").statusCode(), "the login refused in the outage, again");

        // What was stored before the restart is still there, and what is sent after it is stored.
        given().header("Authorization", token).contentType("application/json").body(batch("20001100025"))
                .post("/admin/import/json").then().statusCode(200);
        assertEquals(1, given().header("Authorization", token).contentType("application/json")
                .body("{\"scheme\": \"nin\", \"identifier\": \"20001100017\"}").post("/admin/learners/erase")
                .then().statusCode(200).extract().jsonPath().getInt("removed.results"));
    }

    /** Leaves several idle connections in the pool, as a service under load has, for the restart to break. */
    private void fillThePool(int connections) throws SQLException {
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < connections; i++) {
                Connection connection = dataSource.getConnection();
                connection.createStatement().execute("select 1");
                held.add(connection);
            }
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    /** Waits, bounded, for PostgreSQL to accept connections again and readiness to see it. */
    private static void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        int status = 0;
        while (System.nanoTime() < deadline) {
            status = given().get("/q/health/ready").statusCode();
            if (status == 200) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("readiness did not come back after the database restarted (last status " + status + ")");
    }

    private static String batch(String nationalIdentifier) {
        return """
                {"institution": "uio.no", "learners": [{"nationalIdentifier": "%s", "givenNames": "Rita",
                 "familyName": "Restart", "results": [{"code": "RS1", "type": "Course", "titleEn": "Recovery",
                 "date": "2021-06-01", "status": "passed", "grade": "B", "credits": 5}]}]}
                """.formatted(nationalIdentifier);
    }
}
