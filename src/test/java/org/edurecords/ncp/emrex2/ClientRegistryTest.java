package org.edurecords.ncp.emrex2;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.FrozenClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client registry: a file with a scheduled key change, the EMREG API (WireMock), and the last good copy of each
 * when a later read fails. Read again on every lookup here (refresh 0S).
 */
@QuarkusTest
@TestProfile(ClientRegistryTest.Sources.class)
class ClientRegistryTest {

    static final Path FILE = Path.of("target/emrex2-registry-test.json");
    static final Instant ROLLOVER = Instant.parse("2099-06-01T12:00:00Z");
    static WireMockServer emreg;

    public static class Sources implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Registries.class));
        }
    }

    public static class Registries implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            emreg = new WireMockServer(wireMockConfig().dynamicPort());
            emreg.start();
            writeFile();
            return Map.of("ncp.emrex2.client-registry", FILE + "," + emreg.baseUrl() + "/emreg2/",
                    "ncp.emrex2.client-registry-refresh", "0S");
        }

        @Override
        public void stop() {
            emreg.stop();
        }
    }

    static String pem(String file) {
        try {
            return Files.readString(Path.of("src/test/resources/emrex2/" + file)).replace("\n", "\\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeFile() {
        String otherPublic;
        try {
            java.security.interfaces.RSAPrivateCrtKey key = (java.security.interfaces.RSAPrivateCrtKey) Emrex2Client
                    .privateKey(Emrex2Client.OTHER_KEY);
            java.security.PublicKey pub = java.security.KeyFactory.getInstance("RSA").generatePublic(
                    new java.security.spec.RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
            otherPublic = "-----BEGIN PUBLIC KEY-----\\n"
                    + java.util.Base64.getEncoder().encodeToString(pub.getEncoded()) + "\\n-----END PUBLIC KEY-----\\n";
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, """
                    [
                      {"clientId": "rollover", "redirectUri": "https://rollover.example.org/cb",
                       "name": {"en": "Rollover"}, "publicKey": "%s"},
                      {"clientId": "rollover", "redirectUri": "https://rollover.example.org/cb",
                       "name": {"en": "Rollover"}, "publicKey": "%s", "activeByDateTimeUtc": "%s"},
                      {"clientId": "broken", "redirectUri": "https://broken.example.org/cb", "publicKey": "not a key"}
                    ]
                    """.formatted(pem("test-emc.pub.pem"), otherPublic, ROLLOVER));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @TestHTTPResource("/")
    java.net.URL base;

    @Inject
    ClientRegistry registry;

    FrozenClock clock;

    @BeforeEach
    void setUp() {
        clock = FrozenClock.install();
        writeFile();
        emreg.resetAll();
        emreg.stubFor(get(urlEqualTo("/emreg2/clients/api-emc")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"clientId": "api-emc", "redirectUri": "https://api.example.org/cb",
                         "name": {"en": "From the EMREG API"}, "publicKey": "%s"}
                        """.formatted(pem("test-emc.pub.pem")))));
        emreg.stubFor(get(urlEqualTo("/emreg2/clients/nobody")).willReturn(aResponse().withStatus(404)));
    }

    private Emrex2Client rollover(Path key) {
        return new Emrex2Client(base.toString(), "rollover", "https://rollover.example.org/cb", key);
    }

    @Test
    void aScheduledKeyChangeTakesEffectAtItsTime() {
        Emrex2Client oldKey = rollover(Emrex2Client.KEY);
        assertEquals(200, oldKey.token(oldKey.consent("anna", "demo")).statusCode(), "the old key before the time");
        Emrex2Client newKey = rollover(Emrex2Client.OTHER_KEY);
        TokenRouteTest.assertError(newKey.token(newKey.consent("anna", "demo"), newKey.verifier,
                Emrex2Client.assertion(newKey.claims(clock.instant()).build(), newKey.key)), 401, "invalid_client");

        clock.advance(Duration.between(clock.instant(), ROLLOVER).minusSeconds(1));
        Emrex2Client stillOld = rollover(Emrex2Client.KEY);
        String code = stillOld.consent("anna", "demo");
        assertEquals(200, stillOld.token(code, stillOld.verifier, Emrex2Client.assertion(
                stillOld.claims(clock.instant()).build(), stillOld.key)).statusCode(), "one second before");

        clock.advance(Duration.ofSeconds(1));
        Emrex2Client after = rollover(Emrex2Client.OTHER_KEY);
        String newCode = after.consent("anna", "demo");
        assertEquals(200, after.token(newCode, after.verifier, Emrex2Client.assertion(
                after.claims(clock.instant()).build(), after.key)).statusCode(), "the new key from its time");
        Emrex2Client late = rollover(Emrex2Client.KEY);
        String lateCode = late.consent("anna", "demo");
        TokenRouteTest.assertError(late.token(lateCode, late.verifier, Emrex2Client.assertion(
                late.claims(clock.instant()).build(), late.key)), 401, "invalid_client");
    }

    @Test
    void theEmregApiIsAskedPerClient() {
        assertEquals("From the EMREG API", registry.find("api-emc").orElseThrow().name(java.util.Locale.ENGLISH));
        assertTrue(registry.find("nobody").isEmpty());
        Emrex2Client client = new Emrex2Client(base.toString(), "api-emc", "https://api.example.org/cb",
                Emrex2Client.KEY);
        assertEquals(303, client.authorize(client.authorizeParameters()).statusCode());
    }

    @Test
    void theLastGoodCopyIsKeptWhenAReadFails() throws IOException {
        assertTrue(registry.find("rollover").isPresent());
        assertTrue(registry.find("api-emc").isPresent());
        Files.writeString(FILE, "{ this is not JSON");
        emreg.resetAll();
        emreg.stubFor(get(urlEqualTo("/emreg2/clients/api-emc")).willReturn(aResponse().withStatus(500)));
        assertTrue(registry.find("rollover").isPresent(), "the file's last good copy");
        assertTrue(registry.find("api-emc").isPresent(), "the API's last good copy");
    }

    @Test
    void anEntryWhoseKeyCannotBeReadIsLeftOutAndTheOthersStay() {
        assertTrue(registry.find("broken").isEmpty());
        assertTrue(registry.find("rollover").isPresent());
    }
}
