package org.edurecords.ncp.emrex2;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.LogSafe;
import org.jboss.logging.Logger;

/**
 * The registered EMREX 2.0 clients, read from {@code ncp.emrex2.client-registry}: files, https URLs of a JSON list
 * (or of an object with a {@code clients} list), or the EMREG API ({@code {url}clients/{clientId}}) for a URL
 * ending in {@code /}. Each source is read again when its copy is older than {@code client-registry-refresh}; a read
 * that fails keeps the last good copy. Of several entries of one client, the latest whose
 * {@code activeByDateTimeUtc} has come applies, so a scheduled key change takes effect at its time (ADR 0700).
 */
@ApplicationScoped
public class ClientRegistry {

    private static final Logger LOG = Logger.getLogger(ClientRegistry.class);
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    @Any
    Instance<LocalClientRegistrations> local;

    // Built after injection, not in a field initialiser: the bean's client proxy runs those too (ADR 0881).
    private HttpClient http;

    @PostConstruct
    void openClient() {
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The last good copy of one source (a whole list, or one client of the EMREG API). */
    private record Copy(List<RegisteredClient> entries, Instant readAt) {
    }

    private final Map<String, Copy> copies = new ConcurrentHashMap<>();

    /** The entry of this client that applies now, if the client is registered. */
    public Optional<RegisteredClient> find(String clientId) {
        if (clientId == null || clientId.isBlank() || clientId.length() > 256) {
            return Optional.empty();
        }
        List<RegisteredClient> candidates = new ArrayList<>();
        for (LocalClientRegistrations registrations : local) {
            registrations.clients().stream().filter(c -> clientId.equals(c.clientId())).forEach(candidates::add);
        }
        for (String source : sources()) {
            String key = source.endsWith("/") ? source + "clients/" + clientId : source;
            Copy copy = current(key, source.endsWith("/"));
            copy.entries().stream().filter(c -> clientId.equals(c.clientId())).forEach(candidates::add);
        }
        Instant now = clock.instant();
        return candidates.stream().filter(c -> c.activeFrom() == null || !c.activeFrom().isAfter(now))
                .max(Comparator.comparing(c -> c.activeFrom() == null ? Instant.MIN : c.activeFrom()));
    }

    private List<String> sources() {
        return config.emrex2().clientRegistry().orElse(List.of()).stream().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
    }

    private Copy current(String key, boolean api) {
        Copy copy = copies.get(key);
        Instant now = clock.instant();
        if (copy != null && copy.readAt().plus(config.emrex2().clientRegistryRefresh()).isAfter(now)) {
            return copy;
        }
        synchronized (this) {
            copy = copies.get(key);
            if (copy != null && copy.readAt().plus(config.emrex2().clientRegistryRefresh()).isAfter(now)) {
                return copy;
            }
            List<RegisteredClient> entries;
            try {
                entries = read(key, api);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("EMREX 2.0 client registry %s could not be read (%s); %s", LogSafe.of(key),
                        LogSafe.of(e.getMessage()), copy == null ? "no earlier copy" : "the last good copy is kept");
                entries = copy == null ? List.of() : copy.entries();
            }
            Copy fresh = new Copy(entries, now);
            copies.put(key, fresh);
            return fresh;
        }
    }

    private List<RegisteredClient> read(String source, boolean api) throws IOException {
        byte[] body;
        if (source.startsWith("https://") || source.startsWith("http://")) {
            URI uri = api ? apiUri(source) : URI.create(source);
            if (!"https".equals(uri.getScheme()) && !(config.emrex().allowHttpLoopback() && loopback(uri))) {
                throw new IOException("not an https URL");
            }
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").GET().build();
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
            if (api && response.statusCode() == 404) {
                return List.of();
            }
            if (response.statusCode() != 200) {
                throw new IOException("HTTP " + response.statusCode());
            }
            body = response.body();
        } else {
            body = Files.readAllBytes(Path.of(source));
        }
        if (body.length > MAX_BYTES) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        return parse(json.readTree(body));
    }

    /** {@code https://emreg.example/api/} + {@code clients/{id}}: the key holds the id after the base. */
    private static URI apiUri(String key) {
        int at = key.lastIndexOf("clients/");
        return URI.create(key.substring(0, at) + "clients/"
                + URLEncoder.encode(key.substring(at + "clients/".length()), StandardCharsets.UTF_8));
    }

    private static boolean loopback(URI uri) {
        String host = uri.getHost();
        return "localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host);
    }

    /** A list, an object with a {@code clients} list, or one entry; entries that cannot be used are left out. */
    List<RegisteredClient> parse(JsonNode root) throws IOException {
        JsonNode list = root.isArray() ? root : root.has("clients") ? root.get("clients") : null;
        List<JsonNode> nodes = new ArrayList<>();
        if (list != null && list.isArray()) {
            list.forEach(nodes::add);
        } else if (root.isObject() && root.has("clientId")) {
            nodes.add(root);
        } else {
            throw new IOException("neither a list of clients nor a client entry");
        }
        List<RegisteredClient> entries = new ArrayList<>();
        for (JsonNode node : nodes) {
            try {
                entries.add(entry(node));
            } catch (IllegalArgumentException e) {
                LOG.warnf("EMREX 2.0 client entry %s left out: %s", LogSafe.of(node.path("clientId").asText("?")),
                        LogSafe.of(e.getMessage()));
            }
        }
        return List.copyOf(entries);
    }

    private RegisteredClient entry(JsonNode node) {
        String clientId = text(node, "clientId");
        if (clientId == null) {
            throw new IllegalArgumentException("no clientId");
        }
        List<String> redirects = new ArrayList<>();
        if (text(node, "redirectUri") != null) {
            redirects.add(text(node, "redirectUri"));
        }
        node.path("redirectUris").forEach(u -> redirects.add(u.asText()));
        if (redirects.isEmpty()) {
            throw new IllegalArgumentException("no redirectUri");
        }
        for (String redirect : redirects) {
            checkRedirect(redirect);
        }
        Map<String, String> names = new LinkedHashMap<>();
        JsonNode name = node.path("name");
        if (name.isTextual()) {
            names.put("und", name.asText());
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> it = name.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                names.put(e.getKey(), e.getValue().asText());
            }
        }
        Instant activeFrom = null;
        if (text(node, "activeByDateTimeUtc") != null) {
            try {
                activeFrom = Instant.parse(text(node, "activeByDateTimeUtc"));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("activeByDateTimeUtc is not an ISO instant");
            }
        }
        RegisteredClient client = new RegisteredClient(clientId, redirects, names, text(node, "logo"),
                text(node, "trustLevel"), text(node, "email"), text(node, "website"), text(node, "publicKey"),
                activeFrom);
        client.publicKey();
        return client;
    }

    /** Registered redirect URIs are absolute https URLs without a fragment (http on loopback where allowed). */
    private void checkRedirect(String redirect) {
        URI uri;
        try {
            uri = URI.create(redirect);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("redirectUri is not a URI");
        }
        boolean https = "https".equals(uri.getScheme()) && uri.getHost() != null;
        boolean localHttp = "http".equals(uri.getScheme()) && config.emrex().allowHttpLoopback() && loopback(uri);
        if (!(https || localHttp) || uri.getFragment() != null) {
            throw new IllegalArgumentException("redirectUri must be an https URL without a fragment");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() || value.asText().isBlank() ? null : value.asText();
    }
}
