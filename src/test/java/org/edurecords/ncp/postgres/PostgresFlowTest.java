package org.edurecords.ncp.postgres;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.edurecords.ncp.support.CauseChain;
import io.restassured.response.Response;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Instance A on a real PostgreSQL: the whole transfer, and the first half of one that instance B finishes. */
@QuarkusTest
@TestProfile(PostgresInstances.InstanceA.class)
class PostgresFlowTest {

    static final String RETURN_URL = "https://client.example.org/emc/onReturn";

    @Inject
    EntityManager em;

    @Test
    void runsOnPostgresqlWithTheSameMigrations() {
        String product = QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("select version()").getSingleResult());
        assertTrue(product.startsWith("PostgreSQL"), product);
        List<?> versions = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select version from flyway_schema_history where success order by installed_rank").getResultList());
        assertTrue(versions.contains("1") && versions.contains("3"), versions.toString());
        Number carla = QuarkusTransaction.requiringNew().call(() -> (Number) em
                .createNativeQuery("select count(*) from demo_account where username = 'carla'").getSingleResult());
        assertEquals(1, carla.intValue(), "demo data with the partial-results learner");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void wholeTransferWithPartialResultsOnPostgresql() {
        DemoFlow flow = new DemoFlow("pg-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, flow.login("carla", "demo").statusCode());
        Document selection = FlowClient.html(flow.selectionPage());
        // The college's name when Carla finished there, and the University of Bergen reported as down.
        assertEquals(List.of("Bergen University College, now Western Norway University of Applied Sciences"),
                selection.select("fieldset.institution legend").eachText(), "the name then, and today's");
        assertEquals("University of Bergen: not available at the moment", selection.selectFirst("#unreachable li").text());
        flow.select(Map.of("institution", selection.select("input[name=institution]").eachAttr("value")))
                .then().statusCode(303);
        Map<String, String> fields = DemoFlow.answerFields(flow.confirm(), RETURN_URL);
        assertEquals("NCP_OK", fields.get("returnCode"));
        String xml = new String(ElmoChecks.decodeAndCheck(fields.get("elmo")), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(xml.contains("status=\"unavailable\""), "the ELMO records the missing institution");
        assertTrue(xml.contains("<title xml:lang=\"en\">Bergen University College</title>"), "historic issuer name");
    }

    @Test
    void leavesAnEmrex2TokenAndAnOpenEmrex2FlowForTheOtherInstance() {
        Emrex2Client client = new Emrex2Client(PostgresInstances.PUBLIC_URL);
        String code = client.consent("anna", "demo");
        String assertion = client.assertion();
        Response token = client.token(code, client.verifier, assertion);
        assertEquals(200, token.statusCode(), token.asString());
        System.setProperty(PostgresInstances.HANDOFF_TOKEN, token.jsonPath().getString("access_token"));
        System.setProperty(PostgresInstances.HANDOFF_ASSERTION, assertion);

        Emrex2Client second = new Emrex2Client(PostgresInstances.PUBLIC_URL);
        second.startAndLogin("anna", "demo");
        second.selectAll();
        System.setProperty(PostgresInstances.HANDOFF_EMREX2_FLOW, second.flowPath + "|" + second.state + "|"
                + second.verifier);
        System.setProperty(PostgresInstances.HANDOFF_EMREX2_COOKIES, second.browser.cookies().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")));
    }

    @Test
    void startsAFlowThatTheOtherInstanceFinishes() {
        DemoFlow flow = new DemoFlow("handoff-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, flow.login("anna", "demo").statusCode());
        flow.selectionPage();
        flow.select(Map.of("lo", List.of("113", "121"))).then().statusCode(303);
        System.setProperty(PostgresInstances.HANDOFF_FLOW, flow.flowPath + "|" + flow.sessionId);
        System.setProperty(PostgresInstances.HANDOFF_COOKIES, flow.client.cookies().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";")));
    }

    @Test
    void postgresqlRefusesToChangeOrTruncateTheLedger() {
        DemoFlow flow = new DemoFlow("pg-ledger-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, flow.login("carla", "demo").statusCode());
        DemoFlow.answerFields(flow.cancel(), RETURN_URL);
        Number rows = QuarkusTransaction.requiringNew().call(() -> (Number) em
                .createNativeQuery("select count(*) from disclosure_event").getSingleResult());
        assertTrue(rows.intValue() > 0);

        RuntimeException update = assertThrows(RuntimeException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> em
                        .createNativeQuery("update disclosure_event set recipient = 'forged.example.org'").executeUpdate()));
        assertTrue(CauseChain.messages(update).contains("append-only"), CauseChain.messages(update));
        RuntimeException truncate = assertThrows(RuntimeException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> em
                        .createNativeQuery("truncate disclosure_event").executeUpdate()));
        assertTrue(CauseChain.messages(truncate).contains("append-only"), CauseChain.messages(truncate));
        Number after = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select count(*) from disclosure_event where recipient = 'forged.example.org'").getSingleResult());
        assertEquals(0, after.intValue());
    }

    @Test
    void aLearnerIsErasedOnPostgresqlToo() {
        String batch = """
                {"institution": "uio.no", "learners": [{"nationalIdentifier": "20001100009", "givenNames": "Pia",
                 "familyName": "Pg", "results": [{"code": "B-PG", "type": "Degree Programme", "titleEn": "Databases",
                 "status": "in-progress", "parts": [{"code": "PG1", "type": "Course", "titleEn": "Relational theory",
                 "date": "2021-06-01", "status": "passed", "grade": "A", "credits": 10}]}]}]}
                """;
        String token = "Bearer " + org.edurecords.ncp.support.AdminApi.TOKEN;
        given().header("Authorization", token).contentType("application/json").body(batch)
                .post("/admin/import/json").then().statusCode(200);
        assertEquals(2, given().header("Authorization", token).contentType("application/json")
                .body("{\"scheme\": \"nin\", \"identifier\": \"20001100009\"}").post("/admin/learners/erase")
                .then().statusCode(200).extract().jsonPath().getInt("removed.results"));
        Number left = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                "select count(*) from learner where national_identifier = '20001100009'").getSingleResult());
        assertEquals(0, left.intValue());
    }
}
