package org.edurecords.ncp.receiving;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.junit.QuarkusTestProfile;

import org.edurecords.ncp.support.SharedConformance;
import org.edurecords.ncp.support.WireMockResource;

/**
 * The receiving tests' service: an https public URL (so that its own return address is one a production NCP would
 * accept), the test case office with a webhook to a WireMock case system, and a registry that lists the Finnish
 * NCP whose public answer the tests replay (its certificate from ../shared) and two EMREX 2.0 providers played by the
 * same WireMock, one of ELMO alone and one that lists competence evidence too, beside this NCP.
 */
public class ReceivingProfile implements QuarkusTestProfile {

    static final String PUBLIC_URL = "https://ncp.receiving.example.org";
    static final String FINNISH_NCP = "https://emrex.csc.example.fi/emrex";
    static final String WEBHOOK_PATH = "/case-system/webhook";
    static final String TOKEN = "test-case-office-token-0123456789abcdef";
    /** The path of the EMREX 2.0 provider on the case system's WireMock, and its name in the registry. */
    static final String EMREX2_PROVIDER = "/nordic-emp";
    static final String EMREX2_NAME = "NORDIC2";
    /** Another EMREX 2.0 provider on the same WireMock whose entry lists the data format competence 1.0 too. */
    static final String COMPETENCE_PROVIDER = "/nordic-emp-c";
    static final String COMPETENCE_NAME = "NORDIC2C";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("ncp.public-url", PUBLIC_URL,
                // One more requirement profile, for RequirementProfilesStartupTest (it is for another receiver).
                "ncp.receiving.profiles-dir", "src/test/resources/receiving/extra-profiles",
                // The job is run by the tests themselves, at the moments they choose.
                "ncp.receiving.webhook-poll-every", "24h",
                // A case system that is slow to answer is given up on quickly (the slow webhook test waits this long).
                "ncp.receiving.webhook-timeout", "PT1S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(CaseSystem.class));
    }

    /** The case system's webhook endpoint (WireMock) and the registry file. */
    public static class CaseSystem extends WireMockResource {
        @Override
        public Map<String, String> start() {
            server = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
            server.start();
            Path registry = Path.of("target/receiving-registry.json");
            try {
                // Without ../shared the registry lists no Finnish NCP, and the test of its answer is skipped.
                Path cert = SharedConformance.elmoFolder().map(f -> f.resolve("examples/fi-smp_csc-cert.crt"))
                        .filter(Files::isRegularFile).orElse(null);
                String entries = "";
                if (cert != null) {
                    String pem = Files.readString(cert, StandardCharsets.US_ASCII);
                    entries = "{\"acronym\":\"CSC\",\"countryCode\":\"FI\",\"url\":\"" + FINNISH_NCP
                            + "\",\"institutions\":[\"All\"],\"pubKey\":\""
                            + pem.replace("\r", "").replace("\n", "\\n") + "\"}";
                }
                // An EMREX 2.0 provider (EMREG 2.0 entry) whose endpoints are the case system's WireMock: the tests
                // play its part. Its documents are signed with the example key.
                String example = Files.readString(Path.of("keys-example/ncp-example.cert.pem"), StandardCharsets.US_ASCII);
                String base = server.baseUrl() + EMREX2_PROVIDER;
                String emrex2 = "{\"name\":\"" + EMREX2_NAME + "\",\"country\":{\"isoCode\":\"SE\",\"singleFetch\":true},"
                        + "\"institutions\":[{\"name\":\"Nordic University\"}],\"publicKey\":\""
                        + example.replace("\r", "").replace("\n", "\\n") + "\",\"emreg2Props\":{"
                        + "\"supportedDataFormats\":[{\"name\":\"elmo\",\"version\":\"1.7\"}],"
                        + "\"authorizationUrl\":\"" + base + "/authorize\",\"tokenUrl\":\"" + base + "/token\","
                        + "\"resourceUrl\":\"" + base + "/results\"}}";
                String competenceBase = server.baseUrl() + COMPETENCE_PROVIDER;
                String competence = "{\"name\":\"" + COMPETENCE_NAME + "\",\"country\":{\"isoCode\":\"SE\"},"
                        + "\"institutions\":[{\"name\":\"Nordic Registers\"}],\"publicKey\":\""
                        + example.replace("\r", "").replace("\n", "\\n") + "\",\"emreg2Props\":{"
                        + "\"supportedDataFormats\":[{\"name\":\"elmo\",\"version\":\"1.7\"},{\"name\":\"competence\","
                        + "\"version\":\"1.0\",\"schemaUrl\":\"" + competenceBase
                        + "/schemas/competence-evidence-1.0.schema.json\"}],\"availableEvidenceTypes\":["
                        + "\"higher-education-results\",\"licences\",\"authorisations\",\"recognition-decisions\"],"
                        + "\"authorizationUrl\":\"" + competenceBase + "/authorize\",\"tokenUrl\":\"" + competenceBase
                        + "/token\",\"resourceUrl\":\"" + competenceBase + "/results\"}}";
                String list = "{\"ncps\":[" + entries + "],\"emps\":[" + emrex2 + "," + competence + "]}";
                Files.createDirectories(registry.getParent());
                Files.writeString(registry, list, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("ncp.receivers.test-case-office.webhook-url", server.baseUrl() + WEBHOOK_PATH,
                    "ncp.registry.source-file", registry.toString(),
                    "ncp.registry.cache-file", "target/receiving-registry-cache.json");
        }
    }
}
