package org.edurecords.ncp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * The production profile's login rules, checked against the shipped application.properties read the
 * way Quarkus reads it for that profile, plus what an operator would set.
 */
class ProductionLoginSafetyTest {

    @Test
    void shippedDefaultsRefuseToStartWithoutARealLogin() throws IOException {
        List<String> problems = problems("prod", Map.of());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("no student login configured")), problems.toString());
    }

    @Test
    void demoLoginIsRefusedEvenNextToARealLogin() throws IOException {
        List<String> problems = problems("prod", Map.of("ncp.auth.oidc.enabled", "true", "ncp.demo.login-enabled", "true"));
        assertEquals(List.of("ncp.demo.login-enabled must be false"), problems);
    }

    @Test
    void theDemoProfileSettingsWouldNotPassTheProductionCheck() throws IOException {
        List<String> problems = problems("demo", Map.of());
        assertTrue(problems.contains("ncp.demo.login-enabled must be false"), problems.toString());
        assertTrue(problems.contains("ncp.auth.session.secure-cookie must be true"), problems.toString());
    }

    @Test
    void oidcAloneIsEnough() throws IOException {
        assertEquals(List.of(), problems("prod", Map.of("ncp.auth.oidc.enabled", "true")));
    }

    @Test
    void headerLoginNeedsValidTrustedProxies() throws IOException {
        assertEquals(List.of("ncp.auth.header.trusted-proxies must name the service provider's address when header login is on"),
                problems("prod", Map.of("ncp.auth.header.enabled", "true")));
        assertTrue(problems("prod", Map.of("ncp.auth.header.enabled", "true", "ncp.auth.header.trusted-proxies", "sp.example.org"))
                .stream().anyMatch(p -> p.startsWith("ncp.auth.header.trusted-proxies: Not an IP address")));
        assertEquals(List.of(), problems("prod",
                Map.of("ncp.auth.header.enabled", "true", "ncp.auth.header.trusted-proxies", "10.0.0.5,fd00::/64")));
    }

    @Test
    void insecureSessionCookiesAreRefused() throws IOException {
        assertEquals(List.of("ncp.auth.session.secure-cookie must be true"),
                problems("prod", Map.of("ncp.auth.oidc.enabled", "true", "ncp.auth.session.secure-cookie", "false")));
    }

    @Test
    void thePublicUrlMustBeTheServicesHttpsAddress() throws IOException {
        Map<String, String> settings = new java.util.HashMap<>(Map.of("ncp.auth.oidc.enabled", "true"));
        settings.put("ncp.public-url", "http://localhost:8080");
        assertEquals(List.of("ncp.public-url must be the service's public https address (every link and redirect uses it)"),
                problems("prod", settings));
        settings.put("ncp.public-url", "https://ncp.example.org");
        settings.put("ncp.public-url-follows-port", "true");
        assertEquals(List.of("ncp.public-url-follows-port must be false"), problems("prod", settings));
    }

    @Test
    void theEmrex2ClientRegistryMustBeReadOverHttps() throws IOException {
        assertEquals(List.of("ncp.emrex2.client-registry must use https URLs: the registry decides which clients may"
                + " fetch results"), problems("prod", Map.of("ncp.auth.oidc.enabled", "true",
                        "ncp.emrex2.client-registry", "/etc/ncp/clients.json,http://emreg.example.org/api/")));
        assertEquals(List.of(), problems("prod", Map.of("ncp.auth.oidc.enabled", "true",
                "ncp.emrex2.client-registry", "/etc/ncp/clients.json,https://emreg.example.org/api/")));
    }

    @Test
    void receiverAccessTokensNeedAnHttpsProviderAndAnAudience() throws IOException {
        SmallRyeConfig off = config("prod", Map.of("ncp.auth.oidc.enabled", "true"));
        assertEquals(List.of(), ProductionSafety.unsafeReceiverOAuth(off.getConfigMapping(NcpConfig.class), off));
        SmallRyeConfig bare = config("prod", Map.of("ncp.auth.oidc.enabled", "true", "ncp.receiving.oauth.enabled", "true",
                "quarkus.oidc.receiver-api.auth-server-url", "http://idp.example.org/realms/ncp"));
        List<String> problems = ProductionSafety.unsafeReceiverOAuth(bare.getConfigMapping(NcpConfig.class), bare);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("quarkus.oidc.receiver-api.auth-server-url must be"), problems.toString());
        assertTrue(problems.get(1).startsWith("quarkus.oidc.receiver-api.token.audience must name this API"));
        SmallRyeConfig real = config("prod", Map.of("ncp.auth.oidc.enabled", "true", "ncp.receiving.oauth.enabled", "true",
                "quarkus.oidc.receiver-api.auth-server-url", "https://idp.example.org/realms/ncp",
                "quarkus.oidc.receiver-api.token.audience", "https://ncp.example.org/api/receiver"));
        assertEquals(List.of(), ProductionSafety.unsafeReceiverOAuth(real.getConfigMapping(NcpConfig.class), real));
    }

    @Test
    void twoReceiversWithOneOAuthClientAreRefused() throws IOException {
        List<String> problems = problems("prod", Map.of("ncp.auth.oidc.enabled", "true",
                "ncp.receivers.opptak.oauth-client-id", "case-client",
                "ncp.receivers.udi.name.nb", "UDI", "ncp.receivers.udi.return-hosts", "udi.example.no",
                "ncp.receivers.udi.oauth-client-id", "case-client"));
        assertEquals(List.of("ncp.receivers.<id>.oauth-client-id 'case-client' is the client of several receivers"
                + " (opptak, udi): each receiver needs a client of its own"), problems);
    }

    private static List<String> problems(String profile, Map<String, String> given) throws IOException {
        return ProductionSafety.unsafeSettings(config(profile, given).getConfigMapping(NcpConfig.class));
    }

    private static SmallRyeConfig config(String profile, Map<String, String> given) throws IOException {
        // Every operator sets the public address; the tests add what they are about.
        Map<String, String> operatorSettings = new java.util.HashMap<>(Map.of("ncp.public-url", "https://ncp.example.org",
                "ncp.receivers.opptak.name.nb", "Samordna opptak", "ncp.receivers.opptak.return-hosts", "opptak.example.no"));
        operatorSettings.putAll(given);
        URL shipped = ProductionLoginSafetyTest.class.getClassLoader().getResource("application.properties");
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withMapping(NcpConfig.class)
                // Quarkus reads durations such as 30M with its own converter.
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(shipped, 250))
                .withSources(new PropertiesConfigSource(operatorSettings, "operator", 400))
                .build();
        return config;
    }
}
