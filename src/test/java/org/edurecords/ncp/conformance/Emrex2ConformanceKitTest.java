package org.edurecords.ncp.conformance;

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
class Emrex2ConformanceKitTest {

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
        assertEquals("36", suite.getAttribute("tests"), "one test case per checklist item");
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

    @Test
    void theSlowChecksCanBeSkipped() throws Exception {
        String root = base.toString().replaceAll("/$", "");
        Path dir = Path.of("target/conformance-emrex2-quick");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Duration> waited = new ArrayList<>();
        int exit = ConformanceKitCommand.run(new String[] {"--emrex2", "--emreg2-url", root + "/emreg2",
                "--client-id", "test-emc", "--client-key", "src/test/resources/emrex2/test-emc.key.pem",
                "--redirect-uri", "https://emc.example.org/emrex2/callback", "--login", "demo", "--allow-http",
                "--skip-slow", "--report-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()),
                waited::add, clock);
        String summary = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, summary);
        assertTrue(waited.isEmpty(), "nothing waited for");
        assertTrue(summary.contains("[SKIPPED] 15 An expired code is refused"), summary);
        assertTrue(summary.contains("[SKIPPED] 35 An expired token is refused"), summary);
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
        for (String failed : List.of("24", "25", "34", "36")) {
            assertTrue(summary.contains("[FAIL   ] " + failed + " "), failed + " fails:\n" + summary);
        }
        for (String passed : List.of("05", "12", "14", "23", "33")) {
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
        assertTrue(summary.contains("[FAIL   ] 12 "), summary);
        assertTrue(summary.contains("HTTP 401 invalid_client"), summary);
        assertTrue(summary.contains("[FAIL   ] 34 "), summary);
        assertTrue(summary.contains("[PASS   ] 05 "), "the browser part does not need the key:\n" + summary);
    }
}
