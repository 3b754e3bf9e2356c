package org.edurecords.ncp.receiving;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.List;
import java.util.Map;

import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

import org.edurecords.ncp.support.Browser;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.MockIdentityProvider;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;

/**
 * The case workers' pages over HTTP: the login (demo, and the product's OIDC login with a receiver role), the list
 * of their receiver's requests with its filters, one request with its verdicts, and its original document.
 */
@QuarkusTest
class CaseWorkerResourceTest {

    @TestHTTPResource("/")
    URL root;

    @OidcWireMock
    WireMockServer oidcServer;

    MockIdentityProvider provider;

    @BeforeEach
    void people() {
        provider = new MockIdentityProvider(oidcServer)
                .person("officer", Map.of("name", "Olga Officer", "roles", "staff receiver:test-case-office"))
                .person("outsider", Map.of("name", "Otto Outsider", "roles", "staff"));
    }

    @AfterEach
    void forget() {
        provider.reset();
    }

    @Test
    void withoutASessionThePagesSendToTheLogin() {
        Response list = given().redirects().follow(false).get("/case-worker");
        assertEquals(303, list.statusCode());
        assertTrue(list.header("Location").endsWith("/case-worker/login"));
        Response detail = given().redirects().follow(false).get("/case-worker/requests/anything");
        assertEquals(303, detail.statusCode());
        assertEquals(404, given().get("/case-worker/requests/x/answers/y/document").statusCode());
        Document login = Jsoup.parse(given().get("/case-worker/login").asString());
        assertNotNull(login.selectFirst("#login-demo"));
        assertNotNull(login.selectFirst("#login-oidc"));
        // The case system's API token does not open the pages.
        Response withToken = given().redirects().follow(false)
                .header("Authorization", "Bearer " + ReceivingProfile.TOKEN).get("/case-worker");
        assertEquals(303, withToken.statusCode());
    }

    @Test
    void aCaseWorkerSeesTheirReceiversRequestsFilteredAndOneWithItsVerdicts() throws Exception {
        String evaluatedCase = "CW-met-" + System.nanoTime();
        String waitingCase = "CW-waiting-" + System.nanoTime();
        ApplicantJourney evaluated = new ApplicantJourney().create(evaluatedCase, ApplicantJourney.ANNA, "bachelor-degree");
        assertEquals(200, evaluated.answer(evaluated.fetchHere("anna")).statusCode());
        new ApplicantJourney().create(waitingCase, ApplicantJourney.ANNA, "bachelor-degree");

        FlowClient worker = new FlowClient();
        worker.get("/case-worker/login");
        Response wrong = worker.post("/case-worker/login/demo", Map.of("username", "case", "password", "nope"));
        assertEquals(401, wrong.statusCode());
        assertNotNull(Jsoup.parse(wrong.asString()).selectFirst("#login-problem"));
        worker.get("/case-worker/login");
        Response login = worker.post("/case-worker/login/demo", Map.of("username", "case", "password", "demo"));
        assertEquals(303, login.statusCode(), login.asString());
        assertNotNull(worker.cookie(CaseWorkerSessions.COOKIE));

        Document all = FlowClient.html(worker.get("/case-worker"));
        assertEquals("Results requests of Test case office", all.selectFirst("h1").text());
        List<String> cases = all.select("#requests tbody td:first-child").eachText();
        assertTrue(cases.contains(evaluatedCase) && cases.contains(waitingCase), cases.toString());
        List<String> met = FlowClient.html(worker.get("/case-worker?outcome=met")).select("#requests tbody td:first-child")
                .eachText();
        assertTrue(met.contains(evaluatedCase) && !met.contains(waitingCase), met.toString());
        List<String> waiting = FlowClient.html(worker.get("/case-worker?status=waiting"))
                .select("#requests tbody td:first-child").eachText();
        assertTrue(waiting.contains(waitingCase) && !waiting.contains(evaluatedCase), waiting.toString());
        assertEquals(200, worker.get("/case-worker?status=<script>&outcome=nonsense").statusCode(),
                "an unknown filter is ignored");

        Document detail = FlowClient.html(worker.get("/case-worker/requests/" + evaluated.requestId));
        assertEquals("met", detail.selectFirst("#request-outcome").text());
        assertEquals(3, detail.select("#verdicts tbody tr").size(), "the profile and its two conditions");
        assertTrue(detail.selectFirst("#verdicts").text().contains("ECTS"));
        String documentLink = detail.selectFirst("#answers a[href$=/document]").attr("href");
        Response document = worker.get(documentLink);
        assertEquals(200, document.statusCode());
        assertTrue(new JdkXmlSignatureVerifier().verify(ElmoChecks.parse(document.asByteArray()),
                ElmoChecks.exampleCertificate()).valid(), "the original signed document");
        assertEquals(404, worker.get("/case-worker/requests/no-such-request").statusCode());

        Response logout = worker.post("/case-worker/logout", Map.of());
        assertEquals(303, logout.statusCode());
        worker.forgetCookie(CaseWorkerSessions.COOKIE);
        assertEquals(303, given().redirects().follow(false).cookie(CaseWorkerSessions.COOKIE, "stolen")
                .get("/case-worker").statusCode());
    }

    @Test
    void anUnknownRequestOrOneOfAnotherReceiverGetsTheCaseWorkersOwnPage() {
        // A request of the demo's case office, which this case worker (of the test case office) does not handle.
        String otherCase = "CW-other-" + System.nanoTime();
        Response other = given().header("Authorization", "Bearer demo-case-office-token-public-not-secret")
                .contentType(ContentType.JSON).body(Map.of("caseReference", otherCase, "person", ApplicantJourney.ANNA,
                        "profile", "bachelor-degree")).post(ReceiverRequestResource.PATH);
        assertEquals(201, other.statusCode(), other.asString());
        String otherId = other.jsonPath().getString("id");

        FlowClient worker = new FlowClient();
        worker.get("/case-worker/login");
        assertEquals(303, worker.post("/case-worker/login/demo", Map.of("username", "case", "password", "demo"))
                .statusCode());
        for (String id : List.of("no-such-request", otherId)) {
            Response unknown = worker.get("/case-worker/requests/" + id);
            assertEquals(404, unknown.statusCode(), id);
            assertTrue(unknown.contentType().startsWith("text/html"), unknown.contentType());
            Document page = Jsoup.parse(unknown.asString());
            assertEquals("No such request", page.selectFirst("h1").text());
            assertTrue(page.selectFirst("#case-worker-unknown").text().startsWith("Test case office has no request"),
                    page.selectFirst("#case-worker-unknown").text());
            assertNull(page.selectFirst("#request-unknown"), "not the applicant's page");
            assertFalse(page.text().contains(otherCase), "nothing of the other receiver's request");
            assertNotNull(page.selectFirst("header"), "in the product's layout");
            Element back = page.selectFirst("a#back-to-list");
            assertEquals("/case-worker", back.attr("href"));
            assertEquals("All requests of Test case office", back.text());
            Document list = FlowClient.html(worker.get(back.attr("href")));
            assertEquals("Results requests of Test case office", list.selectFirst("h1").text(), "the link leads back");
        }
        for (Map.Entry<String, String> language : Map.of("nb", "Fant ikke forespørselen", "nn",
                "Fann ikkje førespurnaden", "se", "Bivdda ii gávdno").entrySet()) {
            Response translated = worker.get("/case-worker/requests/no-such-request",
                    Map.of("Accept-Language", language.getKey()));
            assertEquals(404, translated.statusCode());
            assertEquals(language.getValue(), Jsoup.parse(translated.asString()).selectFirst("h1").text(),
                    language.getKey());
        }
        // Without a session, the login comes first, whatever the id.
        assertEquals(303, given().redirects().follow(false).get("/case-worker/requests/" + otherId).statusCode());
    }

    @Test
    void theOidcLoginNeedsTheReceiverRole() throws Exception {
        try (WebClient browser = Browser.open()) {
            HtmlPage list = oidcLogin(browser, "officer");
            assertEquals("/case-worker", list.getUrl().getPath(), list.asNormalizedText());
            assertTrue(list.asNormalizedText().contains("Results requests of Test case office"));
            assertNull(browser.getCookieManager().getCookie("q_session"), "the OIDC library's own session is closed");
        }
        try (WebClient browser = Browser.open()) {
            browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
            HtmlPage refused = oidcLogin(browser, "outsider");
            assertEquals(403, refused.getWebResponse().getStatusCode());
            assertNotNull(refused.getElementById("login-problem"));
            assertFalse(refused.asNormalizedText().contains("Results requests of"));
        }
    }

    private HtmlPage oidcLogin(WebClient browser, String username) throws Exception {
        HtmlPage login = browser.getPage(new URL(root, "/case-worker/login"));
        HtmlPage providerPage = ((HtmlAnchor) login.getElementById("login-oidc")).click();
        assertEquals(oidcServer.port(), providerPage.getUrl().getPort(), "at the provider: " + providerPage.getUrl());
        ((HtmlInput) providerPage.getElementById("username")).type(username);
        ((HtmlInput) providerPage.getElementById("password")).type("secret");
        return ((HtmlInput) providerPage.getElementById("login")).click();
    }
}
