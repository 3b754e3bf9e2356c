package org.edurecords.ncp.emrex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/**
 * The configuration switches of the entry: EMP_* return codes, and the known receivers: only their return hosts
 * are accepted, and every step names the receiver by its configured name and host.
 */
@QuarkusTest
@TestProfile(EmpCodesAndKnownReceiversTest.Profile.class)
public class EmpCodesAndKnownReceiversTest {

    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ncp.emrex.return-code-family", "EMP",
                    "ncp.receivers.test-clients.return-hosts", "allowed.example.org,Second.Example.org",
                    "ncp.receivers.opptak.name.nb", "Samordna opptak",
                    "ncp.receivers.opptak.name.en", "Norwegian Universities and Colleges Admission Service",
                    "ncp.receivers.opptak.return-hosts", "opptak.example.no,*.uni.example.no",
                    // The receivers' access tokens as shipped: off, no provider (ReceiverApiOAuthOffTest).
                    "ncp.receiving.oauth.enabled", "false",
                    "quarkus.oidc.receiver-api.auth-server-url", "",
                    "quarkus.oidc.receiver-api.token.audience", "");
        }
    }

    @Test
    void answersUseTheEmpFamily() {
        DemoFlow flow = new DemoFlow("emp", "https://allowed.example.org/return").start();
        Map<String, String> fields = DemoFlow.answerFields(flow.cancel(), "https://allowed.example.org/return");
        assertEquals("EMP_CANCEL", fields.get("returnCode"));
    }

    @Test
    void onlyReturnHostsOfKnownReceiversAreAccepted() {
        for (String accepted : List.of("https://second.example.org/r", "https://opptak.example.no/emrex",
                "https://admissions.uni.example.no/r", "https://a.b.uni.example.no/r")) {
            assertEquals(303, new FlowClient().enter(Map.of("sessionId", "a", "returnUrl", accepted)).statusCode(), accepted);
        }
        // Including the suffix rule's own domain, and look-alikes: no form is ever posted there, not even Cancel.
        for (String refused : List.of("https://other.example.org/r", "https://uni.example.no/r",
                "https://evil-uni.example.no/r", "https://opptak.example.no.evil.example/r", "https://evil.example/r")) {
            Response entry = new FlowClient().enter(Map.of("sessionId", "a", "returnUrl", refused));
            assertEquals(400, entry.statusCode(), refused);
            assertTrue(FlowClient.html(entry).select("form").stream().noneMatch(f -> f.attr("action").contains("evil")),
                    refused);
            assertTrue(entry.asString().contains("a receiver this service does not send to"), entry.asString());
        }
    }

    @Test
    void everyStepNamesTheReceiverByItsNameAndHost() {
        DemoFlow flow = new DemoFlow("named-" + System.nanoTime(), "https://opptak.example.no/emrex").start();
        Document login = FlowClient.html(flow.client.get(flow.flowPath + "/login?lang=nb"));
        assertTrue(login.selectFirst("p.receiver").text().contains("Samordna opptak (opptak.example.no)"), login.text());
        assertEquals(303, flow.login("anna", "demo").statusCode());
        flow.select(Map.of("lo", List.of("113"))).then().statusCode(303);
        Document preview = FlowClient.html(flow.preview());
        assertEquals("Samordna opptak (opptak.example.no)", preview.selectFirst(".recipient .host").text());
        Document answer = FlowClient.html(flow.confirm());
        assertTrue(answer.text().contains("Samordna opptak (opptak.example.no)"), answer.text());

        flow.client.get("/my-results");
        flow.client.post("/my-results/login/demo", Map.of("username", "anna", "password", "demo"));
        Document ledger = FlowClient.html(flow.client.get("/my-results/ledger?lang=nb"));
        assertTrue(ledger.select(".recipient-host").eachText().contains("Samordna opptak (opptak.example.no)"),
                ledger.select(".recipient-host").eachText().toString());
    }
}
