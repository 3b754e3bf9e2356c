package org.edurecords.ncp.admin;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.edurecords.ncp.support.Answers;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.LogCapture;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Erasure of a learner over the admin API: everything about the person goes, nothing about anyone else. */
@QuarkusTest
class AdminLearnerResourceTest {

    @Inject
    EntityManager entityManager;

    private static Response post(String path, String token, String body) {
        var request = given().contentType("application/json; charset=UTF-8").body(body.getBytes(StandardCharsets.UTF_8));
        return (token == null ? request : request.header("Authorization", "Bearer " + token)).post(path);
    }

    private static String batch(String nin, String feide) {
        return """
                {"institution": "uio.no",
                 "learners": [{
                   "nationalIdentifier": "%s", "givenNames": "Erik", "familyName": "Eng",
                   "identifiers": [{"scheme": "feide", "value": "%s"}],
                   "results": [{
                     "code": "B-GEO", "type": "Degree Programme", "titleEn": "Bachelor's programme in Geosciences",
                     "status": "in-progress",
                     "parts": [
                       {"code": "GEO1000", "type": "Course", "titleEn": "Introduction to Geosciences",
                        "date": "2021-12-10", "status": "passed", "grade": "B", "credits": 10}
                     ]}]
                 }]}
                """.formatted(nin, feide);
    }

    private long count(String sql, long learnerId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, learnerId).getSingleResult()).longValue());
    }

    @Test
    void erasingALearnerRemovesEverythingAboutThemAndEndsTheirSessions() {
        String nin = "20001100001";
        post("/admin/import/json", AdminImportResourceTest.TOKEN, batch(nin, "erik@uio.no")).then().statusCode(200);
        long learnerId = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select id from learner where national_identifier = ?1").setParameter(1, nin)
                .getSingleResult()).longValue());
        FlowClient browser = new FlowClient();
        assertEquals(303, browser.get("/my-results/login/header",
                Map.of("eppn", "erik@uio.no", "givenName", "Erik", "sn", "Eng")).statusCode());
        assertTrue(FlowClient.html(browser.get("/my-results")).text().contains("Introduction to Geosciences"));
        // A ledger row, as an earlier disclosure would have left.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "insert into disclosure_event (id, learner_id, occurred_at, kind, recipient, return_code)"
                        + " values (?1, ?2, ?3, 'EMREX_TRANSFER', 'admissions.example.edu', 'NCP_OK')")
                .setParameter(1, -System.nanoTime()).setParameter(2, learnerId).setParameter(3, Instant.now())
                .executeUpdate());
        long othersBefore = count("select count(*) from learning_opportunity where learner_id <> ?1", learnerId);

        JsonPath erased = post("/admin/learners/erase", AdminImportResourceTest.TOKEN,
                "{\"scheme\": \"feide\", \"identifier\": \"erik@uio.no\"}").then().statusCode(200).extract().jsonPath();

        assertTrue(erased.getBoolean("erased"));
        assertEquals(2, erased.getInt("removed.results"));
        assertEquals(1, erased.getInt("removed.imports"));
        assertEquals(1, erased.getInt("removed.ledgerRows"));
        for (String table : new String[] {"learning_opportunity", "result_import", "learner_identifier",
                "portal_session", "disclosure_event", "share_link", "emrex_session"}) {
            assertEquals(0, count("select count(*) from " + table + " where learner_id = ?1", learnerId), table);
        }
        assertEquals(0, count("select count(*) from learner where id = ?1", learnerId));
        assertEquals(othersBefore, count("select count(*) from learning_opportunity where learner_id <> ?1", learnerId),
                "nobody else's results are touched");
        // The browser's portal session went with the learner: the page asks for a login again.
        Response page = browser.get("/my-results");
        assertTrue(page.statusCode() == 303 || !FlowClient.html(page).text().contains("Geosciences"), page.asString());

        post("/admin/learners/erase", AdminImportResourceTest.TOKEN,
                "{\"scheme\": \"nin\", \"identifier\": \"" + nin + "\"}").then().statusCode(404);
    }

    @Test
    void aLearnerIsFoundByNationalIdentifierToo() {
        String nin = "20001100002";
        post("/admin/import/json", AdminImportResourceTest.TOKEN, batch(nin, "ella@uio.no")).then().statusCode(200);
        post("/admin/learners/erase", AdminImportResourceTest.TOKEN,
                "{\"scheme\": \"nin\", \"identifier\": \" " + nin + " \"}").then().statusCode(200);
        // The identity provider still knows Ella; the register no longer does.
        FlowClient browser = new FlowClient();
        assertEquals(303, browser.get("/my-results/login/header",
                Map.of("eppn", "ella@uio.no", "givenName", "Ella", "sn", "Eng")).statusCode());
        Document portal = FlowClient.html(browser.get("/my-results"));
        assertTrue(!portal.text().contains("Geosciences") && portal.text().contains("Ella Eng"), portal.text());
        assertEquals(0L, (long) QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from learner_identifier where identifier = 'ella@uio.no'")
                .getSingleResult()).longValue()));
    }

    @Test
    void badCallsAreRefusedWithAClearJsonMessage() {
        post("/admin/learners/erase", null, "{\"scheme\": \"nin\", \"identifier\": \"1\"}").then().statusCode(401);
        post("/admin/learners/erase", "wrong", "{\"scheme\": \"nin\", \"identifier\": \"1\"}").then().statusCode(401);
        assertEquals("Both scheme and identifier are required", post("/admin/learners/erase",
                AdminImportResourceTest.TOKEN, "{\"scheme\": \"nin\"}").then().statusCode(400).extract().jsonPath()
                .getString("message"));
        Response notJson = post("/admin/learners/erase", AdminImportResourceTest.TOKEN, "not json");
        Answers.assertJson(notJson, 400);
        assertTrue(notJson.jsonPath().getString("message").startsWith("The body is not an erasure request"));
        Response unknown = post("/admin/learners/erase", AdminImportResourceTest.TOKEN,
                "{\"scheme\": \"nin\", \"identifier\": \"00000000000\"}");
        Answers.assertJson(unknown, 404);
        assertEquals("No learner with this identifier", unknown.jsonPath().getString("message"));
        Answers.assertJson(post("/admin/learners/erase", AdminImportResourceTest.TOKEN, "{\"scheme\": [1]}"), 400);
    }

    @Test
    void theSchemeOfAnUnknownLearnerIsLoggedOnOneLine() {
        try (LogCapture log = LogCapture.start()) {
            post("/admin/learners/erase", AdminImportResourceTest.TOKEN,
                    "{\"scheme\": \"nin\\r\\n2026-01-01 ERROR forged\", \"identifier\": \"00000000000\"}")
                    .then().statusCode(404);
            assertFalse(log.lines().isEmpty());
            for (String line : log.lines()) {
                assertFalse(line.contains("\n") || line.contains("\r"), line);
            }
        }
    }
}
