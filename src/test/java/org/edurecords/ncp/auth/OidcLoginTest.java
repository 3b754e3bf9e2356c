package org.edurecords.ncp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.edurecords.ncp.support.Browser;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.MockIdentityProvider;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlCheckBoxInput;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.http.Cookie;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * The whole OpenID Connect code flow in a browser against a provider started by the test: the
 * login button, the provider's login form, the code exchange, and the way back into the same EMREX
 * flow or the portal; and the provider's error and cancel answers.
 */
@QuarkusTest
@QuarkusTestResource(OidcWiremockTestResource.class)
class OidcLoginTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn";

    @TestHTTPResource("/")
    URL root;

    @OidcWireMock
    WireMockServer oidcServer;

    MockIdentityProvider provider;

    @BeforeEach
    void people() {
        provider = new MockIdentityProvider(oidcServer).person("anna", MockIdentityProvider.ANNA)
                .person("stranger", MockIdentityProvider.STRANGER).tokenEndpointDownFor("down").endSession();
    }

    @AfterEach
    void forget() {
        provider.reset();
    }

    @Test
    void transferWithOidcLoginEndsInAVerifiedOkForTheRegisteredLearner() throws Exception {
        try (WebClient browser = Browser.open()) {
            String sessionId = "oidc-" + System.nanoTime();
            HtmlPage login = Browser.startTransfer(browser, root, sessionId, RETURN_URL);
            String flowPath = login.getUrl().getPath().replaceAll("/login$", "");
            String cookieBefore = flowCookie(browser, flowPath);
            assertNotNull(cookieBefore);

            HtmlPage selection = loginAtProvider(browser, login, "anna");
            assertEquals(flowPath + "/select", selection.getUrl().getPath(), selection.asNormalizedText());
            assertTrue(selection.asNormalizedText().contains("Anna Kristine Sørbø-Łukasiewicz"));
            String cookieAfter = flowCookie(browser, flowPath);
            assertNotEquals(cookieBefore, cookieAfter, "the flow's browser secret is rotated at login");
            assertNull(browser.getCookieManager().getCookie("q_session"), "the OIDC library's own session is closed");

            ((HtmlCheckBoxInput) selection.getElementById("lo-113")).setChecked(true);
            ((HtmlCheckBoxInput) selection.getElementById("lo-121")).setChecked(true);
            HtmlPage preview = ((HtmlButton) selection.getFirstByXPath("//form[contains(@action,'/select')]//button")).click();
            assertEquals(flowPath + "/preview", preview.getUrl().getPath());
            HtmlPage answer = ((HtmlButton) preview.getFirstByXPath("//form[contains(@action,'/confirm')]//button")).click();

            Map<String, String> fields = Browser.answerFields(answer);
            assertEquals(sessionId, fields.get("sessionId"));
            assertEquals("NCP_OK", fields.get("returnCode"));
            byte[] xml = ElmoChecks.decodeAndCheck(fields.get("elmo"));
            Document document = ElmoChecks.parse(xml);
            XPath xpath = XPathFactory.newInstance().newXPath();
            assertEquals("Anna Kristine", xpath.evaluate("/*[local-name()='elmo']/*[local-name()='learner']/*[local-name()='givenNames']", document));
            assertEquals("1998-04-17", xpath.evaluate("/*[local-name()='elmo']/*[local-name()='learner']/*[local-name()='bday']", document));
            assertTrue(new String(xml, StandardCharsets.UTF_8).contains("Sørbø-Łukasiewicz"));
        }
    }

    @Test
    void missingPersonIdentifierEndsTheTransferWithAnError() throws Exception {
        try (WebClient browser = Browser.open()) {
            HtmlPage login = Browser.startTransfer(browser, root, "missing-" + System.nanoTime(), RETURN_URL);
            // Any other name gets the provider's default token: user alice, no pid, no names.
            HtmlPage answer = loginAtProvider(browser, login, "alice");
            Map<String, String> fields = Browser.answerFields(answer);
            assertEquals("NCP_ERROR", fields.get("returnCode"));
            assertTrue(fields.get("returnMessage").contains("required attribute pid"), fields.get("returnMessage"));
            assertEquals("", fields.get("elmo"));
        }
    }

    @Test
    void personUnknownToTheRegisterGetsNoResults() throws Exception {
        try (WebClient browser = Browser.open()) {
            HtmlPage login = Browser.startTransfer(browser, root, "stranger-" + System.nanoTime(), RETURN_URL);
            Map<String, String> fields = Browser.answerFields(loginAtProvider(browser, login, "stranger"));
            assertEquals("NCP_NO_RESULTS", fields.get("returnCode"));
            assertEquals("", fields.get("elmo"));

            HtmlPage portal = browser.getPage(new URL(root, "/my-results"));
            HtmlPage noResults = loginAtProvider(browser, portal, "stranger");
            assertEquals("/my-results", noResults.getUrl().getPath());
            assertNotNull(noResults.getElementById("no-results"), noResults.asNormalizedText());
        }
    }

    @Test
    void cancelAtTheProviderEndsTheTransferWithCancel() throws Exception {
        try (WebClient browser = Browser.open()) {
            String sessionId = "cancel-" + System.nanoTime();
            HtmlPage login = Browser.startTransfer(browser, root, sessionId, RETURN_URL);
            HtmlPage answer = answerFromProvider(browser, login, "access_denied");
            Map<String, String> fields = Browser.answerFields(answer);
            assertEquals(sessionId, fields.get("sessionId"));
            assertEquals("NCP_CANCEL", fields.get("returnCode"));
            assertEquals("", fields.get("elmo"));
        }
    }

    @Test
    void providerErrorEndsTheTransferWithAnErrorAndShowsThePortalUserWhy() throws Exception {
        try (WebClient browser = Browser.open()) {
            HtmlPage login = Browser.startTransfer(browser, root, "idp-error-" + System.nanoTime(), RETURN_URL);
            Map<String, String> fields = Browser.answerFields(answerFromProvider(browser, login, "server_error"));
            assertEquals("NCP_ERROR", fields.get("returnCode"));
            assertTrue(fields.get("returnMessage").contains("identity provider"), fields.get("returnMessage"));

            HtmlPage portal = browser.getPage(new URL(root, "/my-results"));
            HtmlPage cancelled = answerFromProvider(browser, portal, "access_denied");
            assertEquals("/my-results", cancelled.getUrl().getPath());
            assertTrue(cancelled.getElementById("login-error").asNormalizedText().contains("cancelled"),
                    cancelled.asNormalizedText());
        }
    }

    @Test
    void providerThatCannotCompleteTheLoginEndsTheTransferWithAnError() throws Exception {
        try (WebClient browser = Browser.open()) {
            HtmlPage login = Browser.startTransfer(browser, root, "down-" + System.nanoTime(), RETURN_URL);
            Map<String, String> fields = Browser.answerFields(loginAtProvider(browser, login, "down"));
            assertEquals("NCP_ERROR", fields.get("returnCode"));
            assertTrue(fields.get("returnMessage").contains("could not be reached"), fields.get("returnMessage"));

            HtmlPage portal = loginAtProvider(browser, browser.getPage(new URL(root, "/my-results")), "down");
            assertEquals("/my-results", portal.getUrl().getPath());
            assertTrue(portal.getElementById("login-error").asNormalizedText().contains("login service reported an error"),
                    portal.asNormalizedText());
        }
    }

    @Test
    void directPortalVisitShowsResultsPerInstitutionAndLogsOut() throws Exception {
        try (WebClient browser = Browser.open()) {
            HtmlPage home = browser.getPage(root);
            HtmlPage portal = ((HtmlAnchor) home.getElementById("my-results")).click();
            assertEquals("/my-results", portal.getUrl().getPath());
            HtmlPage results = loginAtProvider(browser, portal, "anna");
            assertEquals("/my-results", results.getUrl().getPath());
            assertEquals("Anna Kristine Sørbø-Łukasiewicz", results.getElementById("learner-name").asNormalizedText());
            String text = results.asNormalizedText();
            assertTrue(text.contains("University of Oslo"), text);
            assertTrue(text.contains("Norwegian University of Science and Technology"), text);
            assertTrue(results.getByXPath("//section[@class='institution']//table[@class='results']//td[.='IN1000']").size() == 1);
            // The portal shows everything registered, also the failed attempt.
            assertTrue(text.contains("MAT1110"), "failed results are listed in the portal");

            Cookie session = browser.getCookieManager().getCookie("ncp-session");
            assertTrue(session.isHttpOnly());
            assertFalse(session.isSecure(), "plain http is only for the demo and test profiles");

            // A second login rotates the session id and ends the first session.
            HtmlPage again = loginAtProvider(browser, browser.getPage(new URL(root, "/my-results/login/oidc")), null);
            assertEquals("/my-results", again.getUrl().getPath());
            assertNotEquals(session.getValue(), browser.getCookieManager().getCookie("ncp-session").getValue());

            HtmlPage loggedOut = ((HtmlButton) again.getFirstByXPath("//form[@action='/my-results/logout']//button")).click();
            // RP-initiated logout: the browser goes on to the provider's end_session endpoint with the ID token
            // of this login as the hint, and the provider is told where to send the person afterwards.
            assertEquals(oidcServer.port(), loggedOut.getUrl().getPort(), loggedOut.getUrl().toString());
            assertEquals(MockIdentityProvider.END_SESSION_PATH, loggedOut.getUrl().getPath());
            assertNotNull(loggedOut.getElementById("provider-logged-out"));
            Map<String, String> query = query(loggedOut.getUrl().toURI());
            assertEquals("http://localhost:" + io.restassured.RestAssured.port + "/", query.get("post_logout_redirect_uri"));
            String hint = query.get("id_token_hint");
            assertNotNull(hint, "the ID token is the hint");
            String claims = new String(java.util.Base64.getUrlDecoder().decode(hint.split("\\.")[1]), StandardCharsets.UTF_8);
            assertTrue(claims.contains("\"pid\":\"17049812345\""), "the hint is the ID token of this login: " + claims);
            HtmlPage portalAgain = browser.getPage(new URL(root, "/my-results"));
            assertNotNull(portalAgain.getElementById("login-oidc"), "after logout the portal asks for a login");
            assertNull(portalAgain.getElementById("learner-name"));
        }
    }

    /** Clicks the OIDC login button (or continues on the provider page) and logs in as the given user. */
    private HtmlPage loginAtProvider(WebClient browser, HtmlPage page, String username) throws Exception {
        HtmlPage providerPage = page;
        if (page.getElementById("login-oidc") != null) {
            providerPage = ((HtmlAnchor) page.getElementById("login-oidc")).click();
        }
        if (username == null) {
            username = "anna";
        }
        assertEquals(oidcServer.port(), providerPage.getUrl().getPort(), "the browser is at the provider: " + providerPage.getUrl());
        ((HtmlInput) providerPage.getElementById("username")).type(username);
        ((HtmlInput) providerPage.getElementById("password")).type("secret");
        return ((HtmlInput) providerPage.getElementById("login")).click();
    }

    /** Clicks the OIDC login button and lets the provider answer with an error, as on cancel or failure. */
    private HtmlPage answerFromProvider(WebClient browser, HtmlPage page, String error) throws Exception {
        HtmlPage providerPage = ((HtmlAnchor) page.getElementById("login-oidc")).click();
        assertEquals(oidcServer.port(), providerPage.getUrl().getPort());
        String state = ((HtmlInput) providerPage.getElementById("state")).getValue();
        String redirectUri = ((HtmlInput) providerPage.getElementById("redirect_uri")).getValue();
        assertTrue(URI.create(redirectUri).getPath().equals("/auth/oidc/callback"), redirectUri);
        return browser.getPage(redirectUri + "?error=" + error + "&error_description=stopped&state=" + state);
    }

    private static String flowCookie(WebClient browser, String flowPath) {
        for (Cookie cookie : browser.getCookieManager().getCookies()) {
            if (cookie.getName().equals("ncp-flow") && flowPath.equals(cookie.getPath())) {
                return cookie.getValue();
            }
        }
        return null;
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new java.util.LinkedHashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            values.put(java.net.URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return values;
    }
}
