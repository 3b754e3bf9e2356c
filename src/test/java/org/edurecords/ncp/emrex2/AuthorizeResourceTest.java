package org.edurecords.ncp.emrex2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.ledger.DisclosureEvent;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** {@code GET /oauth2/authorize}: what is refused with a page, what goes back to the client, and the consent. */
@QuarkusTest
class AuthorizeResourceTest {

    @TestHTTPResource("/")
    java.net.URL base;

    private Emrex2Client client() {
        return new Emrex2Client(base.toString());
    }

    @Test
    void aGoodRequestStartsTheSamePagesAs10AndTheConsentGivesACode() {
        Emrex2Client client = client();
        client.startAndLogin("anna", "demo");
        Response previewPage = client.selectAll();
        Document preview = FlowClient.html(previewPage);
        assertTrue(preview.text().contains("Test admissions (emc.example.org)"),
                "the consent page names the client by its registered name and host: " + preview.text());
        assertEquals("https://emc.example.org/logo.png", preview.selectFirst("img.recipient-logo").attr("src"));
        assertTrue(previewPage.header("Content-Security-Policy").contains("img-src 'self' data: https://emc.example.org;"),
                previewPage.header("Content-Security-Policy"));
        Response confirmed = client.confirm();
        assertEquals(303, confirmed.statusCode());
        Map<String, String> answer = client.redirectParameters(confirmed.header("Location"));
        assertEquals(client.state, answer.get("state"));
        assertTrue(answer.get("code").length() >= 43, "a long random code");
        long consents = QuarkusTransaction.requiringNew().call(() -> DisclosureEvent.count(
                "kind = ?1 and returnCode = ?2 and recipient = ?3", DisclosureKind.EMREX_TRANSFER, "EMREX2_OK",
                "Test admissions (emc.example.org)"));
        assertTrue(consents >= 1, "the consent is in the ledger when the code is issued");
    }

    @Test
    void theClientIsNamedInTheStudentsLanguage() {
        Emrex2Client client = client();
        client.browser.get("/?lang=nb");
        client.startAndLogin("anna", "demo");
        Document preview = FlowClient.html(client.selectAll());
        assertTrue(preview.text().contains("Testopptak (emc.example.org)"), preview.text());
    }

    @Test
    void anUnknownClientGetsAnErrorPageAndIsNeverRedirected() {
        Emrex2Client client = client();
        Map<String, String> query = client.authorizeParameters();
        query.put("client_id", "no-such-client");
        Response refused = client.authorize(query);
        assertEquals(400, refused.statusCode());
        assertNull(refused.header("Location"));
        assertEquals("The service that sent you here is not registered with this contact point.",
                FlowClient.html(refused).selectFirst("#reason").text());
    }

    @Test
    void aRedirectUriThatIsNotExactlyRegisteredIsNeverRedirectedTo() {
        Emrex2Client client = client();
        for (String wrong : new String[] {"https://emc.example.org/emrex2/callback/", "https://evil.example/cb",
                "https://emc.example.org/emrex2/callback?x=1", "HTTPS://emc.example.org/emrex2/callback"}) {
            Map<String, String> query = client.authorizeParameters();
            query.put("redirect_uri", wrong);
            Response refused = client.authorize(query);
            assertEquals(400, refused.statusCode(), wrong);
            assertNull(refused.header("Location"), wrong);
        }
        Map<String, String> query = client.authorizeParameters();
        query.remove("redirect_uri");
        assertEquals(400, client.authorize(query).statusCode());
    }

    @Test
    void anyOfSeveralRegisteredRedirectUrisIsAccepted() {
        Emrex2Client client = new Emrex2Client(base.toString(), Emrex2Client.EC_CLIENT_ID,
                "https://ec.example.org/return2", Emrex2Client.EC_KEY);
        Response started = client.authorize(client.authorizeParameters());
        assertEquals(303, started.statusCode());
        assertTrue(started.header("Location").contains("/emrex/flow/"));
    }

    @Test
    void otherErrorsGoBackToTheClientWithTheState() {
        assertRedirectedError(q -> q.remove("code_challenge"), "invalid_request", true);
        assertRedirectedError(q -> q.put("code_challenge_method", "plain"), "invalid_request", true);
        assertRedirectedError(q -> q.remove("code_challenge_method"), "invalid_request", true);
        assertRedirectedError(q -> q.put("code_challenge", "short"), "invalid_request", true);
        assertRedirectedError(q -> q.put("scope", "driving-licences"), "invalid_scope", true);
        assertRedirectedError(q -> q.put("response_type", "token"), "unsupported_response_type", true);
        assertRedirectedError(q -> q.remove("state"), "invalid_request", false);
    }

    @Test
    void theOfferedScopeIsAccepted() {
        Emrex2Client client = client();
        Map<String, String> query = client.authorizeParameters();
        query.put("scope", "higher-education-results");
        assertEquals(303, client.authorize(query).statusCode());
    }

    @Test
    void cancelGoesBackWithAccessDenied() {
        Emrex2Client client = client();
        client.startAndLogin("anna", "demo");
        Response cancelled = client.browser.post(client.flowPath + "/cancel", Map.of());
        assertEquals(303, cancelled.statusCode());
        Map<String, String> answer = client.redirectParameters(cancelled.header("Location"));
        assertEquals("access_denied", answer.get("error"));
        assertEquals(client.state, answer.get("state"));
        assertFalse(answer.containsKey("code"));
    }

    private void assertRedirectedError(java.util.function.Consumer<Map<String, String>> change, String error,
            boolean withState) {
        Emrex2Client client = client();
        Map<String, String> query = client.authorizeParameters();
        change.accept(query);
        Response refused = client.authorize(query);
        assertEquals(303, refused.statusCode(), query.toString());
        Map<String, String> answer = client.redirectParameters(refused.header("Location"));
        assertEquals(error, answer.get("error"), query.toString());
        assertEquals(withState ? client.state : null, answer.get("state"));
        assertFalse(answer.containsKey("code"));
    }
}
