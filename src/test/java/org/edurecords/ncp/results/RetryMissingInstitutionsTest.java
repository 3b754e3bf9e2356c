package org.edurecords.ncp.results;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.edurecords.ncp.support.Answers;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.InjectWireMock;
import org.edurecords.ncp.support.InstitutionElmo;
import org.edurecords.ncp.support.LiveSourcesProfile;
import org.edurecords.ncp.support.TestInstitutions;
import org.edurecords.ncp.support.WireMockInstitutions;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** "Try again" on the selection page: only the institutions that failed are asked again, for this flow only. */
@QuarkusTest
@TestProfile(LiveSourcesProfile.class)
class RetryMissingInstitutionsTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn";
    private static final String ANNA = WireMockInstitutions.ANNA;
    private static final String FAST = WireMockInstitutions.FAST;
    private static final String SLOW = WireMockInstitutions.SLOW;
    private static final String BROKEN = WireMockInstitutions.BROKEN;

    @InjectWireMock
    WireMockServer wireMock;

    @Inject
    SourceGuards guards;

    @BeforeEach
    void reset() {
        QuarkusTransaction.requiringNew().run(() -> {
            TestInstitutions.ensure(101, "fast.example.org", "Fast University", "Raske universitet");
            TestInstitutions.ensure(102, "slow.example.org", "Slow University College", "Langsomme høgskole");
            TestInstitutions.ensure(103, "broken.example.org", "Broken Institute", "Ødelagte institutt");
        });
        wireMock.resetAll();
        guards.resetAll();
    }

    private void stub(String path, ResponseDefinitionBuilder answer) {
        wireMock.stubFor(get(urlEqualTo(path)).willReturn(answer));
    }

    private static ResponseDefinitionBuilder elmo(String schac, String name, String code, String title) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/xml")
                .withBody(InstitutionElmo.valid(schac, name, ANNA, code, title));
    }

    @Test
    void tryAgainAsksOnlyTheFailedInstitutionKeepsTheTicksAndTheDocumentIsThenComplete() {
        stub(FAST, elmo("fast.example.org", "Fast University", "F-101", "Fast Course"));
        stub(SLOW, elmo("slow.example.org", "Slow University College", "S-201", "Slow Course"));
        stub(BROKEN, aResponse().withStatus(503));
        DemoFlow flow = new DemoFlow("retry-" + System.nanoTime(), RETURN_URL).start();
        assertEquals(303, flow.login("anna", "demo").statusCode());
        Document selection = FlowClient.html(flow.selectionPage());
        assertTrue(selection.select("#unreachable li").text().contains("Broken Institute"), selection.text());
        assertNotNull(selection.selectFirst("form[action$=/retry] button#retry"));

        // A tick, kept in the flow, then the institution comes back and the student tries again.
        flow.select(Map.of("lo", List.of("113"))).then().statusCode(303);
        stub(BROKEN, elmo("broken.example.org", "Broken Institute", "B-301", "Broken Course"));
        int fastCalls = wireMock.findAll(getRequestedFor(urlEqualTo(FAST))).size();
        int brokenCalls = wireMock.findAll(getRequestedFor(urlEqualTo(BROKEN))).size();
        Response retried = flow.client.post(flow.flowPath + "/retry", Map.of());
        assertEquals(303, retried.statusCode(), retried.asString());
        assertTrue(retried.header("Location").endsWith(flow.flowPath + "/select"));
        assertEquals(fastCalls, wireMock.findAll(getRequestedFor(urlEqualTo(FAST))).size(), "not asked again");
        assertEquals(fastCalls, wireMock.findAll(getRequestedFor(urlEqualTo(SLOW))).size(), "not asked again");
        assertEquals(brokenCalls + 1, wireMock.findAll(getRequestedFor(urlEqualTo(BROKEN))).size());

        Document after = FlowClient.html(flow.selectionPage());
        assertNull(after.selectFirst("#unreachable"), after.text());
        assertTrue(after.select("fieldset.institution legend").eachText().contains("Broken Institute"));
        assertNotNull(after.selectFirst("input[name=lo][value=113][checked]"), "the tick is kept");
        // The preview, built from the flow's snapshot, has nothing missing either.
        Document preview = FlowClient.html(flow.preview());
        assertNull(preview.selectFirst("#unreachable"));
    }

    @Test
    void anInstitutionStillDownStaysMissingAndTheNoticeSaysSoInBokmal() {
        stub(FAST, elmo("fast.example.org", "Fast University", "F-101", "Fast Course"));
        stub(SLOW, elmo("slow.example.org", "Slow University College", "S-201", "Slow Course"));
        stub(BROKEN, aResponse().withStatus(503));
        DemoFlow flow = new DemoFlow("retry-nb-" + System.nanoTime(), RETURN_URL);
        flow.client.get("/?lang=nb");
        flow.start();
        assertEquals(303, flow.login("anna", "demo").statusCode());
        assertEquals(303, flow.client.post(flow.flowPath + "/retry", Map.of()).statusCode());
        Document page = FlowClient.html(flow.selectionPage());
        Properties nb = Answers.bundle("nb");
        assertTrue(page.select("#unreachable li").text().contains("Ødelagte institutt"), page.text());
        assertTrue(page.text().contains(nb.getProperty("source_retry_advice")), page.text());
    }
}
