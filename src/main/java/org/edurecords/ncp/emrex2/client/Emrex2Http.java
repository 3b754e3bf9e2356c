package org.edurecords.ncp.emrex2.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The back-channel calls of an EMREX 2.0 client (token and resource endpoints) over plain HTTP, with the exact
 * bytes of every answer kept: the {@code X-Signature} is over them.
 */
public final class Emrex2Http {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http;
    private final Duration timeout;
    private final long maxBytes;

    /** For the tools: generous timeouts, no size limit. */
    public Emrex2Http() {
        this(Duration.ofSeconds(20), Duration.ofSeconds(60), Long.MAX_VALUE);
    }

    /**
     * @param connectTimeout how long a connection may take
     * @param timeout        how long a whole answer may take
     * @param maxBytes       the largest body read; a larger one is an {@link IOException}
     */
    public Emrex2Http(Duration connectTimeout, Duration timeout, long maxBytes) {
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(connectTimeout)
                .build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** One answer: status, headers, the body as received. */
    public record Answer(int status, java.net.http.HttpHeaders headers, byte[] body) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The body as JSON, or an empty object when it is not JSON. */
        public JsonNode json() {
            try {
                JsonNode node = JSON.readTree(body);
                return node == null ? JSON.createObjectNode() : node;
            } catch (IOException e) {
                return JSON.createObjectNode();
            }
        }

        public String error() {
            return json().path("error").asText("");
        }

        public String contentType() {
            String type = header("Content-Type");
            return type == null ? "" : type;
        }

        public String describe() {
            String error = error();
            return "HTTP " + status + (error.isEmpty() ? "" : " " + error);
        }
    }

    public Answer postForm(URI url, List<Map.Entry<String, String>> fields) throws IOException {
        StringJoiner body = new StringJoiner("&");
        for (Map.Entry<String, String> f : fields) {
            body.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8));
        }
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    /** A resource request; {@code token} and {@code requestId} may be null. */
    public Answer get(URI url, String token, String requestId) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (requestId != null) {
            request.header("X-Request-ID", requestId);
        }
        return send(request);
    }

    private Answer send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<java.io.InputStream> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream in = response.body()) {
                // One byte more than allowed tells a too large answer from one of exactly the limit.
                byte[] body = in.readNBytes(maxBytes >= Integer.MAX_VALUE - 9L ? Integer.MAX_VALUE - 8 : (int) maxBytes + 1);
                if (body.length > maxBytes) {
                    throw new IOException("the answer of " + response.uri() + " is larger than " + maxBytes + " bytes");
                }
                return new Answer(response.statusCode(), response.headers(), body);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** {@code url} with query parameters added, each encoded. */
    public static URI withQuery(URI url, Map<String, String> params) {
        StringJoiner query = new StringJoiner("&");
        params.forEach((k, v) -> query.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        String s = url.toString();
        return URI.create(s + (s.contains("?") ? "&" : "?") + query);
    }

    /** The decoded parameters of a URL's query. */
    public static Map<String, String> query(URI url) {
        Map<String, String> params = new java.util.LinkedHashMap<>();
        String raw = url.getRawQuery();
        if (raw == null) {
            return params;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(key, value);
        }
        return params;
    }
}
