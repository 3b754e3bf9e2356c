package org.edurecords.ncp.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.support.DemoFlow;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Login behind a SAML service provider: the attribute headers count only when they come from a
 * configured proxy address (the tests' 127.0.0.1), names arrive as UTF-8 bytes, and a missing
 * attribute ends the transfer with NCP_ERROR.
 */
@QuarkusTest
class HeaderLoginTest {

    private static final String RETURN_URL = "https://client.example.org/emc/onReturn";

    @TestHTTPResource("/")
    URL root;

    @Inject
    EntityManager entityManager;

    /** Feide ids of the demo learners, as the register of a Feide deployment holds them. */
    @BeforeEach
    void feideIdentifiers() {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("delete from learner_identifier where scheme = 'feide'").executeUpdate();
            entityManager.createNativeQuery("insert into learner_identifier (scheme, identifier, learner_id) values"
                    + " ('feide', 'anna@uio.no', 1), ('feide', 'bjorn@ntnu.no', 2)").executeUpdate();
        });
    }

    @Test
    void flowLoginThroughTheTrustedProxyContinuesToTheSelection() {
        DemoFlow flow = new DemoFlow("hdr-" + System.nanoTime(), RETURN_URL).start();
        String cookieBefore = flow.client.cookie("ncp-flow");
        Response login = flow.client.get(flow.flowPath + "/login/header",
                attributes("anna@uio.no", "Anna Kristine", "Sørbø-Łukasiewicz"));
        assertEquals(303, login.statusCode(), login.asString());
        assertTrue(login.header("Location").endsWith(flow.flowPath + "/select"));
        assertTrue(!cookieBefore.equals(flow.client.cookie("ncp-flow")), "the flow's browser secret is rotated at login");
        Document selection = FlowClient.html(flow.selectionPage());
        assertTrue(selection.text().contains("Anna Kristine Sørbø-Łukasiewicz"), selection.text());
    }

    @Test
    void missingAttributeEndsTheTransferWithAnError() {
        DemoFlow flow = new DemoFlow("hdr-missing-" + System.nanoTime(), RETURN_URL).start();
        Map<String, String> headers = attributes("anna@uio.no", "Anna Kristine", null);
        Map<String, String> fields = DemoFlow.answerFields(flow.client.get(flow.flowPath + "/login/header", headers),
                RETURN_URL);
        assertEquals("NCP_ERROR", fields.get("returnCode"));
        assertTrue(fields.get("returnMessage").contains("attribute sn"), fields.get("returnMessage"));
        assertEquals("", fields.get("elmo"));
    }

    @Test
    void headersFromAnAddressThatIsNotATrustedProxyAreRefused() throws Exception {
        DemoFlow flow = new DemoFlow("hdr-spoof-" + System.nanoTime(), RETURN_URL).start();
        // 127.0.0.2 is a loopback address too, but not the configured proxy 127.0.0.1.
        String answer = rawGet(InetAddress.getByName("127.0.0.2"), flow.flowPath + "/login/header",
                "Cookie: ncp-flow=" + flow.client.cookie("ncp-flow"), "eppn: anna@uio.no", "givenName: Anna",
                "sn: Sorbo");
        assertTrue(answer.startsWith("HTTP/1.1 403"), answer.lines().findFirst().orElse(""));
        assertTrue(answer.contains("login service. Please start again"), "the person is told how to log in");
        // The transfer is still open: a real login through the proxy continues it.
        assertEquals(200, flow.client.get(flow.flowPath + "/login").statusCode());
        Response login = flow.client.get(flow.flowPath + "/login/header",
                attributes("anna@uio.no", "Anna Kristine", "Sørbø-Łukasiewicz"));
        assertEquals(303, login.statusCode());
    }

    @Test
    void portalLoginShowsTheProviderNameOfAPersonWithoutResultsInUtf8() throws Exception {
        // Sent byte for byte as the service provider writes them: UTF-8 in the header values.
        String answer = rawGet(InetAddress.getByName("127.0.0.1"), "/my-results/login/header", "eppn: åse@hvl.no",
                "givenName: Åse Marit", "sn: Ødegård-Łoś");
        assertTrue(answer.startsWith("HTTP/1.1 303"), answer);
        String setCookie = answer.lines().filter(l -> l.toLowerCase().startsWith("set-cookie: ncp-session=")).findFirst()
                .orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Lax"), setCookie);
        String token = setCookie.substring("set-cookie: ncp-session=".length(), setCookie.indexOf(';'));
        Document page = FlowClient.html(io.restassured.RestAssured.given().cookie("ncp-session", token).get("/my-results"));
        assertEquals("You are logged in as Åse Marit Ødegård-Łoś.", page.getElementById("logged-in-as").text());
        assertTrue(page.getElementById("no-results") != null);
    }

    @Test
    void portalLoginOfARegisteredPersonShowsTheirResults() {
        FlowClient browser = new FlowClient();
        Response login = browser.get("/my-results/login/header", attributes("anna@uio.no", "Anna", "Sørbø"));
        assertEquals(303, login.statusCode());
        Document page = FlowClient.html(browser.get("/my-results"));
        assertEquals("Anna Kristine Sørbø-Łukasiewicz", page.getElementById("learner-name").text(),
                "names come from the register, not from the headers");
        assertEquals(2, page.select("section.institution table.results").size());
    }

    @Test
    void attributeValuesAreDecodedAsUtf8AndTheFirstOfSeveralCounts() {
        String utf8AsReadByTheServer = new String("Bjørn Ødegård".getBytes(StandardCharsets.UTF_8),
                StandardCharsets.ISO_8859_1);
        assertEquals("Bjørn Ødegård", HeaderLogin.attribute(utf8AsReadByTheServer));
        // A Latin-1 value that is not valid UTF-8 is kept as it was read.
        assertEquals("Bjørn", HeaderLogin.attribute("Bjørn"));
        assertEquals("anna@uio.no", HeaderLogin.attribute("anna@uio.no;anna@ntnu.no"));
        assertEquals("a;b", HeaderLogin.attribute("a\\;b;c"));
    }

    @Test
    void trustedProxiesMatchAddressesAndBlocks() {
        TrustedProxies proxies = TrustedProxies.parse(java.util.List.of("10.1.2.0/24", "192.168.7.7", "2001:db8::/32"));
        assertTrue(proxies.contains("10.1.2.200"));
        assertTrue(!proxies.contains("10.1.3.1"));
        assertTrue(proxies.contains("192.168.7.7"));
        assertTrue(!proxies.contains("192.168.7.8"));
        assertTrue(proxies.contains("2001:db8:0:1::5"));
        assertTrue(!proxies.contains("2001:db9::1"));
        assertTrue(!proxies.contains("proxy.example.org"), "names are never resolved");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> TrustedProxies.parse(java.util.List.of("proxy.example.org")));
    }

    /** Header values as a Shibboleth SP sends them: UTF-8 bytes, which HTTP clients pass through as Latin-1 characters. */
    private static Map<String, String> attributes(String eppn, String givenName, String familyName) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("eppn", wire(eppn));
        if (givenName != null) {
            headers.put("givenName", wire(givenName));
        }
        if (familyName != null) {
            headers.put("sn", wire(familyName));
        }
        return headers;
    }

    private static String wire(String value) {
        return new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    }

    /** A plain HTTP/1.1 GET from a chosen local address, so the service sees another peer. */
    private String rawGet(InetAddress from, String path, String... headers) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName(root.getHost()), root.getPort(), from, 0)) {
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + root.getHost() + ":"
                    + root.getPort() + "\r\nAccept: text/html\r\nConnection: close\r\n");
            for (String header : headers) {
                request.append(header).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream buffer = new ByteArrayOutputStream();
            in.transferTo(buffer);
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
