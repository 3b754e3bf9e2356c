package org.edurecords.ncp.conformance;

import org.edurecords.ncp.verify.DetachedSignature;
import org.edurecords.ncp.emrex2.client.Pkce;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.signing.Certificates;
import org.edurecords.ncp.support.DocSnippets;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.FrozenClock;
import org.edurecords.ncp.support.TestSigning;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The EMREX 2.0 checklist of the conformance kit, run with its command line against this very service as the data
 * provider, with the registered test client {@code test-emc}: every check passes. The expiry checks do not sleep:
 * the kit's waiter moves the service's clock, and the kit's assertions carry that clock's time.
 */
@QuarkusTest
@io.quarkus.test.junit.TestProfile(Emrex2ConformanceKitTest.OwnDatabase.class)
class Emrex2ConformanceKitTest {

    /**
     * A database of its own: the expiry checks move the clock by minutes, and the ledger rows written after that
     * would sort before those of the tests that run later on a shared database.
     */
    public static class OwnDatabase implements io.quarkus.test.junit.QuarkusTestProfile {
    }

    @TestHTTPResource("/")
    URL base;

    FrozenClock clock;

    @BeforeEach
    void freezeTheClock() {
        clock = FrozenClock.install();
    }

    @Test
    void thisServicePassesTheWholeEmrex2Checklist() throws Exception {
        String root = base.toString().replaceAll("/$", "");
        Path dir = Path.of("target/conformance-emrex2");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Duration> waited = new ArrayList<>();
        Instant frozenAt = clock.instant();
        Waiter waiter = duration -> {
            waited.add(duration);
            clock.advance(duration);
        };
        int exit = ConformanceKitCommand.run(new String[] {"--emrex2", "--emreg2-url", root + "/emreg2",
                "--client-id", "test-emc", "--client-key", "src/test/resources/emrex2/test-emc.key.pem",
                "--redirect-uri", "https://emc.example.org/emrex2/callback", "--login", "demo",
                "--emreg-url", root + "/emreg", "--allow-http", "--report-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                waiter, clock);
        String summary = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, summary + err.toString(StandardCharsets.UTF_8));
        assertTrue(summary.startsWith("EMREX 2.0 data provider conformance"), summary);
        assertTrue(summary.contains("Result:   PASSED"), summary);
        // Both expiry checks waited on the service's clock, a code's lifetime and then a token's.
        assertEquals(2, waited.size(), waited.toString());
        assertEquals(Duration.ofSeconds(61), waited.get(0));
        assertTrue(Duration.between(frozenAt, clock.instant()).toSeconds() >= 300, "the token's 300 s passed");

        Document junit = SecureXml.parse(Files.readAllBytes(dir.resolve(ConformanceReport.EMREX2_JUNIT_FILE)));
        Element suite = junit.getDocumentElement();
        assertEquals("EMREX 2.0 conformance", suite.getAttribute("name"));
        assertEquals("41", suite.getAttribute("tests"), "one test case per checklist item");
        assertEquals("0", suite.getAttribute("failures"));
        var skipped = suite.getElementsByTagName("skipped");
        List<String> names = IntStream.range(0, skipped.getLength())
                .mapToObj(i -> ((Element) skipped.item(i).getParentNode()).getAttribute("name").substring(0, 2)).toList();
        // Only the TLS check of a local test run.
        assertEquals(List.of("02"), names);
        assertEquals(summary.substring(0, summary.indexOf("Reports written")),
                Files.readString(dir.resolve(ConformanceReport.EMREX2_SUMMARY_FILE)));

        // The openssl lines of docs/emrex2.md verify the X-Signature of the answer the kit kept, and only that body.
        Path check = Files.createDirectories(Path.of("target/emrex2-doc-openssl"));
        Files.copy(dir.resolve(Emrex2Kit.ELMO_BODY_FILE), check.resolve("answer.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve(Emrex2Kit.ELMO_HEADERS_FILE), check.resolve("headers.txt"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(check.resolve("ncp-certs.pem"), RestAssured.get(root + "/emreg2").jsonPath().getString("publicKey"));
        String lines = DocSnippets.snippet(Path.of("docs/emrex2.md"), "EMREX 2.0 X-Signature with openssl");
        DocSnippets.Run verified = DocSnippets.run(check, lines, Map.of());
        assertEquals(0, verified.exit(), verified.output());
        assertTrue(verified.output().contains("Verified OK"), verified.output());
        byte[] body = Files.readAllBytes(check.resolve("answer.xml"));
        body[body.length / 2] ^= 1;
        Files.write(check.resolve("answer.xml"), body);
        DocSnippets.Run changed = DocSnippets.run(check, lines, Map.of());
        assertEquals(1, changed.exit(), changed.output());
        assertTrue(changed.output().contains("Verification failure"), changed.output());
    }

    /** The demo client's own registration (its generated key, its return page) as the client, as the docs say. */
    @Test
    void theSlowChecksCanBeSkippedAndTheDemoClientsRegistrationPasses() throws Exception {
        String root = base.toString().replaceAll("/$", "");
        Path dir = Path.of("target/conformance-emrex2-quick");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Duration> waited = new ArrayList<>();
        int exit = ConformanceKitCommand.run(new String[] {"--emrex2", "--emreg2-url", root + "/emreg2",
                "--client-id", "demo-client", "--client-key", "target/demo-client-emrex2.key.pem",
                "--redirect-uri", root + "/demo-client/emrex2/return", "--login", "demo", "--allow-http",
                "--skip-slow", "--report-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                waited::add, clock);
        String summary = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, summary);
        assertTrue(waited.isEmpty(), "nothing waited for");
        assertTrue(summary.contains("[SKIPPED] 18 An expired code is refused"), summary);
        assertTrue(summary.contains("[SKIPPED] 40 An expired token is refused"), summary);
        assertTrue(summary.contains("slow check skipped by --skip-slow"), summary);
    }

    @Test
    void theChecksCatchAnUnverifiableSignatureAndAnUnregisteredKey() throws Exception {
        String root = base.toString().replaceAll("/$", "");
        // Trusting only a certificate the service does not sign with: every signature check fails, the flow works.
        Path foreign = Files.createDirectories(Path.of("target")).resolve("emrex2-foreign-cert.pem");
        Files.writeString(foreign, Certificates.toPem(TestSigning.foreignKey().certificate()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = ConformanceKitCommand.run(new String[] {"--emrex2", "--authorize-url", root + "/oauth2/authorize",
                "--token-url", root + "/oauth2/token", "--results-url", root + "/results", "--certificate",
                foreign.toString(), "--client-id", "test-emc", "--client-key", "src/test/resources/emrex2/test-emc.key.pem",
                "--redirect-uri", "https://emc.example.org/emrex2/callback", "--login", "demo", "--allow-http",
                "--skip-slow", "--report-dir", "target/conformance-emrex2-foreign"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                d -> { }, clock);
        String summary = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, summary);
        for (String failed : List.of("29", "30", "39", "41")) {
            assertTrue(summary.contains("[FAIL   ] " + failed + " "), failed + " fails:\n" + summary);
        }
        for (String passed : List.of("05", "15", "17", "28", "38")) {
            assertTrue(summary.contains("[PASS   ] " + passed + " "), passed + " passes:\n" + summary);
        }
        assertTrue(summary.contains("[SKIPPED] 01 "), summary);

        // Holding a key the registry does not know for test-emc: no token, and the checks that need one fail.
        out.reset();
        exit = ConformanceKitCommand.run(new String[] {"--emrex2", "--emreg2-url", root + "/emreg2",
                "--client-id", "test-emc", "--client-key", "src/test/resources/emrex2/other.key.pem",
                "--redirect-uri", "https://emc.example.org/emrex2/callback", "--login", "demo", "--allow-http",
                "--skip-slow", "--report-dir", "target/conformance-emrex2-other-key"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                d -> { }, clock);
        summary = out.toString(StandardCharsets.UTF_8);
        assertEquals(1, exit, summary);
        assertTrue(summary.contains("[FAIL   ] 15 "), summary);
        assertTrue(summary.contains("HTTP 401 invalid_client"), summary);
        assertTrue(summary.contains("[FAIL   ] 39 "), summary);
        assertTrue(summary.contains("[PASS   ] 05 "), "the browser part does not need the key:\n" + summary);
    }

    @Test
    void theDocumentedCurlAndOpensslLinesCompleteATransfer() throws Exception {
        DocSnippets.require("openssl", "curl", "jq");
        String root = base.toString().replaceAll("/$", "");
        Path doc = Path.of("docs/emrex2.md");
        Path dir = Files.createDirectories(Path.of("target/emrex2-doc-curl"));
        Files.copy(Path.of("src/test/resources/emrex2/test-emc.key.pem"), dir.resolve("client.key.pem"),
                StandardCopyOption.REPLACE_EXISTING);
        String b64url = "b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }\n";
        Map<String, String> env = new java.util.HashMap<>(Map.of("NCP", root, "CLIENT_ID", "test-emc",
                "REDIRECT_URI", "https://emc.example.org/emrex2/callback"));

        DocSnippets.Run pkce = DocSnippets.run(dir, b64url + DocSnippets.snippet(doc, "EMREX 2.0 PKCE")
                + "printf '%s %s %s' \"$STATE\" \"$VERIFIER\" \"$CHALLENGE\"\n", env);
        assertEquals(0, pkce.exit(), pkce.output());
        String[] values = pkce.output().strip().split(" ");
        assertEquals(Pkce.s256(values[1]), values[2], "the documented challenge is S256 of the verifier");

        // The student's part, in a browser of the tests.
        Emrex2Client student = new Emrex2Client(root);
        Map<String, String> query = new java.util.LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", "test-emc");
        query.put("redirect_uri", "https://emc.example.org/emrex2/callback");
        query.put("state", values[0]);
        query.put("code_challenge", values[2]);
        query.put("code_challenge_method", "S256");
        io.restassured.response.Response authorize = student.authorize(query);
        assertEquals(303, authorize.statusCode(), authorize.asString());
        String location = authorize.header("Location");
        student.flowPath = location.substring(location.indexOf("/emrex/flow/"), location.lastIndexOf('/'));
        student.browser.get(student.flowPath + "/login");
        student.browser.post(student.flowPath + "/login", Map.of("username", "anna", "password", "demo"));
        student.selectAll();
        io.restassured.response.Response confirmed = student.confirm();
        Map<String, String> redirect = student.redirectParameters(confirmed.header("Location"));
        assertEquals(values[0], redirect.get("state"));

        // The client's part, as the page writes it; the assertion carries the machine's time.
        clock.advance(Duration.between(clock.instant(), Instant.now()));
        env.put("CODE", redirect.get("code"));
        env.put("VERIFIER", values[1]);
        String client = b64url + DocSnippets.snippet(doc, "EMREX 2.0 client assertion")
                + DocSnippets.snippet(doc, "EMREX 2.0 token request").strip() + " > token.json\n"
                + "TOKEN=$(jq -r .access_token token.json)\n"
                + DocSnippets.snippet(doc, "EMREX 2.0 results request")
                + DocSnippets.snippet(doc, "EMREX 2.0 registry certificates")
                + DocSnippets.snippet(doc, "EMREX 2.0 X-Signature with openssl");
        DocSnippets.Run run = DocSnippets.run(dir, client, env);
        assertEquals(0, run.exit(), run.output() + Files.readString(dir.resolve("token.json")));
        assertTrue(run.output().contains("Verified OK"), run.output());
        assertEquals("Bearer", new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("token.json")
                .toFile()).path("token_type").asText());
        Document elmo = SecureXml.parse(Files.readAllBytes(dir.resolve("answer.xml")));
        assertEquals("Anna Kristine", elmo.getElementsByTagNameNS(ConformanceKit.NS, "givenNames").item(0).getTextContent());
        assertTrue(Files.readString(dir.resolve("headers.txt")).toLowerCase(java.util.Locale.ROOT)
                .contains("x-request-id:"), "the request id came back");

        // Asked for gzip, the answer still comes as it was signed (identity), as the page says.
        String token = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("token.json").toFile())
                .path("access_token").asText();
        java.net.http.HttpResponse<byte[]> gzip = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(root + "/results?data_format=elmo"))
                        .header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("identity", gzip.headers().firstValue("Content-Encoding").orElse("identity"));
        assertTrue(DetachedSignature.verify(gzip.headers().firstValue("X-Signature").orElseThrow(), gzip.body(),
                Emrex2Kit.certificates(Files.readString(dir.resolve("ncp-certs.pem")))).valid());
    }
}
