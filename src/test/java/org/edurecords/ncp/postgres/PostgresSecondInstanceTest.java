package org.edurecords.ncp.postgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.transfer.EmrexSession;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** Instance B on the same PostgreSQL database finishes the flow instance A started. */
@QuarkusTest
@TestProfile(PostgresInstances.InstanceB.class)
class PostgresSecondInstanceTest {

    @Inject
    NcpConfig config;

    @Test
    void finishesTheFlowStartedOnInstanceA() {
        String handoff = System.getProperty(PostgresInstances.HANDOFF_FLOW);
        assertNotNull(handoff, "instance A (PostgresFlowTest) must run first and leave a flow behind");
        String[] flowAndSession = handoff.split("\\|", 2);
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : System.getProperty(PostgresInstances.HANDOFF_COOKIES).split(";")) {
            String[] kv = pair.split("=", 2);
            cookies.put(kv[0], kv[1]);
        }
        DemoFlow flow = new DemoFlow(flowAndSession[1], PostgresFlowTest.RETURN_URL);
        flow.flowPath = flowAndSession[0];
        flow.client.restoreCookies(cookies);

        Response preview = flow.preview();
        assertEquals(200, preview.statusCode(), preview.asString());
        assertEquals("EMREX NCP instance B", config.name(), "the application serving this test is instance B");
        Document page = FlowClient.html(preview);
        assertTrue(page.text().contains("Search Technology") || page.text().contains("Søketeknologi"),
                "instance B previews the selection made on instance A");

        Map<String, String> fields = DemoFlow.answerFields(flow.confirm(), PostgresFlowTest.RETURN_URL);
        assertEquals("NCP_OK", fields.get("returnCode"));
        assertEquals(flowAndSession[1], fields.get("sessionId"));
        ElmoChecks.decodeAndCheck(fields.get("elmo"));
        String flowId = flow.flowPath.substring(flow.flowPath.lastIndexOf('/') + 1);
        assertEquals(EmrexSession.State.ANSWERED, QuarkusTransaction.requiringNew()
                .call(() -> EmrexSession.<EmrexSession>findById(flowId).state));
    }

    @Test
    void redeemsOnThisInstanceWhatInstanceAIssuedForEmrex2() {
        String token = System.getProperty(PostgresInstances.HANDOFF_TOKEN);
        assertNotNull(token, "instance A (PostgresFlowTest) must run first and leave an EMREX 2.0 token behind");
        Response results = Emrex2Client.results(token, "data_format=elmo");
        assertEquals(200, results.statusCode(), "a token issued by instance A reads the results on instance B");
        assertTrue(results.asString().contains("Anna Kristine"));
        assertTrue(Emrex2Client.signatureValid(results, Emrex2Client.publishedCertificate()));

        // The flow instance A started is confirmed here, and its code redeemed here.
        String[] flow = System.getProperty(PostgresInstances.HANDOFF_EMREX2_FLOW).split("\\|", 3);
        Emrex2Client client = new Emrex2Client(PostgresInstances.PUBLIC_URL);
        client.flowPath = flow[0];
        client.state = flow[1];
        client.verifier = flow[2];
        Map<String, String> cookies = new LinkedHashMap<>();
        for (String pair : System.getProperty(PostgresInstances.HANDOFF_EMREX2_COOKIES).split(";")) {
            String[] kv = pair.split("=", 2);
            cookies.put(kv[0], kv[1]);
        }
        client.browser.restoreCookies(cookies);
        Response confirmed = client.confirm();
        assertEquals(303, confirmed.statusCode(), confirmed.asString());
        String code = client.redirectParameters(confirmed.header("Location")).get("code");
        // The assertion instance A accepted is a replay here: its jti is in the shared database.
        Response replay = client.token(code, client.verifier, System.getProperty(PostgresInstances.HANDOFF_ASSERTION));
        assertEquals(401, replay.statusCode(), replay.asString());
        assertEquals("invalid_client", replay.jsonPath().getString("error"));
        Response fresh = client.token(code);
        assertEquals(200, fresh.statusCode(), fresh.asString());
    }

    @Test
    void theLedgerKeepsWhatInstanceARecordedBeforeThisInstanceStarted() {
        // PostgresFlowTest sent Carla's results from instance A; nothing in this instance transfers for her.
        FlowClient carla = new FlowClient();
        carla.get("/my-results");
        assertEquals(303, carla.post("/my-results/login/demo", Map.of("username", "carla", "password", "demo"))
                .statusCode());
        Document ledger = FlowClient.html(carla.get("/my-results/ledger"));
        assertTrue(ledger.select("#ledger tbody tr").stream()
                .anyMatch(row -> row.text().contains("Results sent")
                        && "Test client (client.example.org)".equals(row.selectFirst(".recipient-host").text())
                        && !row.select("ul.disclosed li").isEmpty()),
                "the transfer recorded by instance A is in the ledger after the restart: " + ledger.text());
    }
}
