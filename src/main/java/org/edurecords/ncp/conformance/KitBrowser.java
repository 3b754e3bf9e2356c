package org.edurecords.ncp.conformance;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
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

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The student's browser as the kit plays it: keeps cookies, follows redirects itself (so that every hop can
 * be checked), submits HTML forms with all their fields, and never runs scripts (EMREX must work without).
 */
public final class KitBrowser {

    private static final int MAX_REDIRECTS = 10;
    private final HttpClient http;
    /** A redirect to an address starting with this is not followed (an EMREX 2.0 client's redirect URI), or null. */
    private final String stopAt;

    /** One HTTP answer, parsed as HTML. */
    public record Page(URI url, int status, HttpResponseHeaders headers, String body, Document html) {

        public String header(String name) {
            return headers.first(name);
        }
    }

    /** Response headers, looked up without regard to case. */
    public record HttpResponseHeaders(java.net.http.HttpHeaders raw) {
        public String first(String name) {
            return raw.firstValue(name).orElse(null);
        }
    }

    public KitBrowser() {
        this(null);
    }

    /** A browser that stops at a redirect to {@code stopAt...}: the answer page is that redirect itself. */
    public KitBrowser(String stopAt) {
        this.stopAt = stopAt;
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(20)).build();
    }

    public Page get(URI url) throws IOException {
        return follow(getNoFollow(url));
    }

    public Page getNoFollow(URI url) throws IOException {
        return send(HttpRequest.newBuilder(url).GET());
    }

    /** A form POST without following redirects: the entry checks look at the first answer. */
    public Page postNoFollow(URI url, List<Map.Entry<String, String>> fields) throws IOException {
        return send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(fields))));
    }

    public Page post(URI url, List<Map.Entry<String, String>> fields) throws IOException {
        return follow(postNoFollow(url, fields));
    }

    /** Submits a form as a browser does: its action resolved against the page, all its named fields. */
    public Page submit(Page page, Element form, List<Map.Entry<String, String>> fields) throws IOException {
        String action = form.attr("action");
        URI target = action.isEmpty() ? page.url() : page.url().resolve(action);
        if ("get".equalsIgnoreCase(form.attr("method"))) {
            return get(URI.create(target + (target.getQuery() == null ? "?" : "&") + encode(fields)));
        }
        return post(target, fields);
    }

    Page follow(Page page) throws IOException {
        Page current = page;
        for (int i = 0; i < MAX_REDIRECTS && current.status() / 100 == 3 && current.header("Location") != null; i++) {
            URI next = current.url().resolve(current.header("Location"));
            if (stopAt != null && next.toString().startsWith(stopAt)) {
                return current;
            }
            current = send(HttpRequest.newBuilder(next).GET());
        }
        return current;
    }

    private Page send(HttpRequest.Builder request) throws IOException {
        HttpRequest built = request.timeout(Duration.ofSeconds(60)).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(built.uri(), response.statusCode(), new HttpResponseHeaders(response.headers()),
                    response.body(), Jsoup.parse(response.body(), built.uri().toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    static String encode(List<Map.Entry<String, String>> fields) {
        StringJoiner body = new StringJoiner("&");
        for (Map.Entry<String, String> f : fields) {
            body.add(URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(f.getValue() == null ? "" : f.getValue(), StandardCharsets.UTF_8));
        }
        return body.toString();
    }
}
