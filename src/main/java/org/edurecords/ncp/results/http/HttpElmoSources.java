package org.edurecords.ncp.results.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.ConfigProvider;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.ElmoReader;
import org.edurecords.ncp.results.InstitutionDirectory;
import org.edurecords.ncp.results.SourcePolicy;
import org.jboss.logging.Logger;

/** Builds one {@link HttpElmoSource} per enabled entry of {@code ncp.sources.http}, with its own HTTP client. */
@ApplicationScoped
public class HttpElmoSources {

    private static final Logger LOG = Logger.getLogger(HttpElmoSources.class);

    @Inject
    NcpConfig config;

    @Inject
    ElmoReader reader;

    @Inject
    InstitutionDirectory directory;

    private List<HttpElmoSource> sources;

    @PostConstruct
    void init() {
        List<HttpElmoSource> built = new ArrayList<>();
        NcpConfig.Sources defaults = config.sources();
        // Sorted, so sources are always called and listed in the same order.
        for (Map.Entry<String, NcpConfig.Sources.HttpSource> entry : new TreeMap<>(defaults.http()).entrySet()) {
            NcpConfig.Sources.HttpSource c = entry.getValue();
            if (!c.enabled()) {
                continue;
            }
            Duration timeout = c.timeout().orElse(defaults.timeout());
            SourcePolicy policy = new SourcePolicy(timeout, c.retries().orElse(defaults.retries()),
                    c.maxConcurrent().orElse(0));
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .sslContext(sslContext(entry.getKey(), c))
                    .build();
            String schac = c.institution();
            built.add(new HttpElmoSource("http-" + entry.getKey(), schac, c.urlTemplate(), HttpElmoSources::ownBaseUrl,
                    c.bearerToken().filter(t -> !t.isBlank()), c.maxResponseBytes(), policy, client, reader,
                    () -> directory.bySchac(schac)));
            LOG.infof("Result source http-%s for %s: %s, timeout %s, %d retries, at most %d bytes", entry.getKey(), schac,
                    c.urlTemplate().replaceAll("\\?.*", ""), timeout, policy.retries(), c.maxResponseBytes());
        }
        sources = List.copyOf(built);
    }

    public List<HttpElmoSource> sources() {
        return sources;
    }

    /** This service's own address; only templates starting with "/" use it (the demo's built-in institution). */
    static String ownBaseUrl() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int port = ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
        return "http://localhost:" + port;
    }

    private static SSLContext sslContext(String name, NcpConfig.Sources.HttpSource c) {
        if (c.keyStorePath().isEmpty() && c.trustStorePath().isEmpty()) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }
        try {
            KeyManagerFactory kmf = null;
            if (c.keyStorePath().isPresent()) {
                char[] password = c.keyStorePassword().orElse("").toCharArray();
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(c.keyStorePath().get(), password), password);
            }
            TrustManagerFactory tmf = null;
            if (c.trustStorePath().isPresent()) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(c.trustStorePath().get(), c.trustStorePassword().orElse("").toCharArray()));
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Result source http-" + name + ": cannot load its TLS key or trust store: "
                    + e.getMessage(), e);
        }
    }

    private static KeyStore load(String path, char[] password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            store.load(in, password);
        }
        return store;
    }

    /** For the production safety check: names of sources that would send data over plain http. */
    public static List<String> plainHttpSources(NcpConfig config) {
        List<String> names = new ArrayList<>();
        config.sources().http().forEach((name, c) -> {
            if (c.enabled() && !c.urlTemplate().startsWith("https://")) {
                names.add(name);
            }
        });
        return names;
    }

}
