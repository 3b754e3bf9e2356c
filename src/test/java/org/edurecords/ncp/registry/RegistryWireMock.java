package org.edurecords.ncp.registry;

import org.edurecords.ncp.signing.Certificates;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.support.TestSigning;

/**
 * An external EMREG registry played by WireMock. It is down when the service starts, so the service must
 * fall back to the cached copy written here beforehand.
 */
public class RegistryWireMock implements QuarkusTestResourceLifecycleManager {

    static final String PATH = "/emreg/list";
    static final Path CACHE = Path.of("target/registry-consumer-cache.json");
    static final Path NEXT_CERT = Path.of("target/registry-next-cert.pem");
    static final SigningKey CACHED = TestSigning.newKey("CN=Cached NCP");
    static final SigningKey NEXT = TestSigning.newKey("CN=Next signing key of this NCP");
    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(get(urlEqualTo(PATH)).willReturn(aResponse().withStatus(503)));
        try {
            Files.createDirectories(CACHE.getParent());
            Files.writeString(CACHE, list("ncps", entry("CACHED", "SE", "https://cached.example.se/emrex", CACHED)),
                    StandardCharsets.UTF_8);
            Files.writeString(NEXT_CERT, Certificates.toPem(NEXT.certificate()), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("ncp.registry.source-url", server.baseUrl() + PATH,
                "ncp.registry.cache-file", CACHE.toString(),
                "ncp.registry.refresh-interval", "1H",
                "ncp.registry.next-certificate-paths", NEXT_CERT.toString(),
                "ncp.verify.allow-sha1", "true");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    static String entry(String acronym, String country, String url, SigningKey key) {
        return "{\"acronym\":\"" + acronym + "\",\"countryCode\":\"" + country + "\",\"url\":\"" + url
                + "\",\"institutions\":[\"All\"],\"pubKey\":" + quote(Certificates.toPem(key.certificate())) + "}";
    }

    static String list(String key, String... entries) {
        return "{\"countries\":[],\"" + key + "\":[" + String.join(",", entries) + "]}";
    }

    static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }
}
