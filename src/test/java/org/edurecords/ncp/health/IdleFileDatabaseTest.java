package org.edurecords.ncp.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.edurecords.ncp.auth.PortalSessions;
import org.edurecords.ncp.transfer.SessionPurge;
import org.edurecords.ncp.ledger.LedgerRetention;
import org.edurecords.ncp.sharing.SharePurge;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FileDatabaseProfile;
import org.edurecords.ncp.support.FlowClient;
import org.junit.jupiter.api.Test;

/**
 * The embedded default left alone: on a file database created by the migrations at start, the pool drops
 * its idle connections (among them the one the migrations ran on) while the database stays open, the
 * scheduled jobs run, and then a student completes a transfer. With H2 2.4.240 every insert into a table
 * with an {@code IN (...)} check constraint failed from then on ("Check constraint invalid" caused by "The
 * database has been closed"), because the constraint kept the session that created it.
 */
@QuarkusTest
@TestProfile(FileDatabaseProfile.class)
class IdleFileDatabaseTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    SessionPurge sessionPurge;

    @Inject
    SharePurge sharePurge;

    @Inject
    LedgerRetention ledgerRetention;

    @Inject
    PortalSessions portalSessions;

    @Test
    void aTransferCompletesAfterThePoolDroppedItsIdleConnectionsAndTheJobsRan() throws Exception {
        DemoFlow first = new DemoFlow("idle-first-" + System.nanoTime(), "https://client.example.org/r").start();
        assertEquals(303, first.login("anna", "demo").statusCode());

        // In the running service other pooled connections keep the file database open while the idle ones are
        // removed; a connection of our own plays that part here, so that the database is not simply reopened.
        try (Connection stillOpen = DriverManager.getConnection(FileDatabaseProfile.URL, "ncp", "ncp")) {
            dataSource.flush(AgroalDataSource.FlushMode.IDLE);
            sessionPurge.purge();
            sharePurge.purge();
            ledgerRetention.purge();
            portalSessions.removeTimedOut();

            given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

            DemoFlow flow = new DemoFlow("idle-second-" + System.nanoTime(), "https://client.example.org/r").start();
            assertEquals(303, flow.login("anna", "demo").statusCode());
            flow.select(Map.of("lo", List.of("113", "121"))).then().statusCode(303);
            Response answer = flow.confirm();
            Map<String, String> fields = DemoFlow.answerFields(answer, "https://client.example.org/r");
            assertEquals("NCP_OK", fields.get("returnCode"));
            assertTrue(ElmoChecks.verify(ElmoChecks.parse(ElmoChecks.decodeAndCheck(fields.get("elmo")))).valid());
            assertTrue(stillOpen.isValid(1));
        }

        // The first flow, started before the pool was emptied, can still be answered.
        Response cancelled = first.cancel();
        assertEquals("NCP_CANCEL", FlowClient.html(cancelled).selectFirst("input[name=returnCode]").attr("value"));
    }
}
