package org.edurecords.ncp.receiving;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.restassured.path.json.JsonPath;

import org.edurecords.ncp.verify.DetachedSignature;
import org.edurecords.ncp.signing.Certificates;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.TestSigning;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;

/**
 * The receiver side between two running services, each started from the packaged jar in the demo profile on an H2
 * file database of its own: R asks for results on behalf of its demo case office, the applicant fetches them from F
 * (another NCP, with its own key, listed in R's registry), R verifies and evaluates them, and the webhook to the case
 * system, refused twice, is delivered after R was stopped and started again on the same database.
 */
class ReceivingInstancesIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String TOKEN = "demo-case-office-token-public-not-secret";
    private static final String RECEIVER = "demo-case-office";
    private static final String WEBHOOK_PATH = "/case-system/webhook";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void resultsFromAForeignNcpAreVerifiedEvaluatedAndTheirWebhookSurvivesARestart() throws Exception {
        Path root = Files.createDirectories(Path.of("target/receiving-it-" + System.currentTimeMillis()).toAbsolutePath());
        SigningKey foreignKey = TestSigning.newKey("CN=Foreign NCP, C=SE");
        Path keyPem = root.resolve("foreign.key.pem");
        Path certPem = root.resolve("foreign.cert.pem");
        writePem(keyPem, foreignKey.privateKey());
        writePem(certPem, foreignKey.certificate());

        // The demo case office is an EMREX 2.0 client too: its key, and F's client registry that will list it.
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair clientKey = generator.generateKeyPair();
        Path clientKeyPem = root.resolve("case-office-client.key.pem");
        writePem(clientKeyPem, clientKey.getPrivate());
        Path clients = root.resolve("clients.json");
        Files.writeString(clients, "{\"clients\":[]}", StandardCharsets.UTF_8);

        WireMockServer caseSystem = new WireMockServer(WireMockConfiguration.wireMockConfig().dynamicPort());
        Instance foreign = null;
        Instance receiving = null;
        try {
            caseSystem.start();
            caseSystem.stubFor(post(urlEqualTo(WEBHOOK_PATH)).inScenario("webhook").whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(500)).willSetStateTo("failed once"));
            caseSystem.stubFor(post(urlEqualTo(WEBHOOK_PATH)).inScenario("webhook").whenScenarioStateIs("failed once")
                    .willReturn(aResponse().withStatus(500)).willSetStateTo("failed twice"));
            caseSystem.stubFor(post(urlEqualTo(WEBHOOK_PATH)).inScenario("webhook").whenScenarioStateIs("failed twice")
                    .willReturn(aResponse().withStatus(200)));

            // F and R start together. F's entry URL is known once F listens: R's registry file lists nobody until
            // then, and R reads it again every second.
            Path registry = root.resolve("registry.json");
            Files.writeString(registry, "{\"countries\":[],\"ncps\":[]}", StandardCharsets.UTF_8);
            List<String> receivingProperties = List.of(database(root.resolve("receiving-db")),
                    "-Dncp.registry.source-file=" + registry,
                    "-Dncp.registry.cache-file=" + root.resolve("receiving-registry-cache.json"),
                    "-Dncp.receivers." + RECEIVER + ".webhook-url=" + caseSystem.baseUrl() + WEBHOOK_PATH,
                    "-Dncp.receiving.webhook-poll-every=1s", "-Dncp.receiving.webhook-first-backoff=PT1S",
                    "-Dncp.receiving.webhook-max-backoff=PT2S",
                    // A delivery leased by an instance that stopped mid-attempt is due again after three timeouts.
                    "-Dncp.receiving.webhook-timeout=PT2S",
                    "-Dncp.receivers." + RECEIVER + ".emrex2.client-id=" + RECEIVER,
                    "-Dncp.receivers." + RECEIVER + ".emrex2.key=" + clientKeyPem);
            foreign = Instance.launch("foreign", root, List.of(database(root.resolve("foreign-db")),
                    "-Dncp.name=Foreign NCP", "-Dncp.registry.acronym=FOREIGN", "-Dncp.registry.country-code=SE",
                    "-Dncp.signing.key-path=" + keyPem, "-Dncp.signing.certificate-path=" + certPem,
                    "-Dncp.registry.cache-file=" + root.resolve("foreign-registry-cache.json"),
                    "-Dncp.emrex2.client-registry=" + clients, "-Dncp.emrex2.client-registry-refresh=1S"));
            List<String> refreshing = new ArrayList<>(receivingProperties);
            refreshing.add("-Dncp.registry.refresh-interval=1S");
            receiving = Instance.launch("receiving", root, refreshing);
            foreign.awaitListening();

            // R's registry lists F, with F's certificate and entry URL (the EMREG list format).
            String foreignEntry = foreign.base + "/emrex";
            Path next = root.resolve("registry.json.next");
            // F is listed twice: as an EMREX 1.0 NCP, and as an EMREG 2.0 entry with its EMREX 2.0 endpoints only.
            String foreignAuthorize = foreign.base + "/oauth2/authorize";
            Files.writeString(next, "{\"countries\":[],\"ncps\":[{\"acronym\":\"FOREIGN\",\"countryCode\":\"SE\","
                    + "\"url\":\"" + foreignEntry + "\",\"institutions\":[\"All\"],\"pubKey\":"
                    + jsonString(Certificates.toPem(foreignKey.certificate())) + "}],"
                    + "\"emps\":[{\"name\":\"FOREIGN2\",\"country\":{\"isoCode\":\"SE\",\"singleFetch\":true},"
                    + "\"publicKey\":" + jsonString(Certificates.toPem(foreignKey.certificate())) + ",\"emreg2Props\":{"
                    + "\"authorizationUrl\":\"" + foreignAuthorize + "\",\"tokenUrl\":\"" + foreign.base + "/oauth2/token\","
                    + "\"resourceUrl\":\"" + foreign.base + "/results\"}}]}", StandardCharsets.UTF_8);
            Files.move(next, registry, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            receiving.awaitListening();
            // F's client registry (EMREG's clients) lists the case office with R's redirect URI and its public key.
            Path nextClients = root.resolve("clients.json.next");
            Files.writeString(nextClients, "{\"clients\":[{\"clientId\":\"" + RECEIVER + "\",\"redirectUri\":\""
                    + receiving.base + "/receive/callback/" + RECEIVER + "\",\"name\":{\"en\":\"Demo case office\"},"
                    + "\"publicKey\":" + jsonString(publicPem(clientKey)) + "}]}", StandardCharsets.UTF_8);
            Files.move(nextClients, clients, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);

            // 0. Over EMREX 2.0 first, for a request of its own: the applicant chooses FOREIGN2, R sends the browser
            // to F's authorization endpoint, F redirects back with a code, and R redeems it over the back channel.
            HttpResponse<String> created2 = receiving.api("POST", "/api/receiver/requests", """
                    {"caseReference":"C-instances-2","profile":"bachelor-degree","purpose":"Admission",
                     "person":{"givenNames":"Anna Kristine","familyName":"Sørbø-Łukasiewicz","birthDate":"1998-04-17"}}""");
            assertEquals(201, created2.statusCode(), created2.body());
            String id2 = new JsonPath(created2.body()).getString("id");
            String applicantUrl2 = new JsonPath(created2.body()).getString("applicantUrl");
            // The webhook of this request is taken at once; the refusals below are for the other one.
            caseSystem.stubFor(post(urlEqualTo(WEBHOOK_PATH)).atPriority(1).withRequestBody(containing(id2))
                    .willReturn(aResponse().withStatus(200)));
            Browser atReceiving2 = new Browser();
            Browser atForeign2 = new Browser();
            await("R's registry lists F's EMREX 2.0 entry", () -> atReceiving2.page(applicantUrl2)
                    .select("input[name=provider]").eachAttr("value").contains(foreignAuthorize));
            Document choice2 = atReceiving2.get(applicantUrl2);
            Document toAuthorize = atReceiving2.submit(choice2, "form#choose-provider",
                    Map.of("provider", List.of(foreignAuthorize)));
            Element continueLink = toAuthorize.selectFirst("a#emrex-continue");
            assertNotNull(continueLink, toAuthorize.outerHtml());
            String authorizeUrl = continueLink.attr("href");
            assertTrue(authorizeUrl.startsWith(foreignAuthorize + "?"), authorizeUrl);
            // F reads its client registry every second: until it lists the case office, F refuses the request.
            await("F knows the case office as a client", () -> atForeign2.page(authorizeUrl)
                    .selectFirst("form:has(input[name=username])") != null);
            Document login2 = atForeign2.get(authorizeUrl);
            Document selection2 = atForeign2.submit(login2, "form:has(input[name=username])",
                    Map.of("username", List.of("anna"), "password", List.of("demo")));
            List<String> all2 = selection2.select("input[name=lo]").eachAttr("value");
            Document preview2 = atForeign2.submit(selection2, "form.selection", Map.of("lo", all2));
            Element confirm2 = preview2.selectFirst("form[action$=/confirm]");
            assertNotNull(confirm2, preview2.outerHtml());
            HttpResponse<String> redirected = atForeign2.postRaw(confirm2.absUrl("action"), Map.of(
                    "csrf-token", List.of(confirm2.selectFirst("input[name=csrf-token]").attr("value")),
                    "version", List.of(confirm2.selectFirst("input[name=version]").attr("value"))));
            assertEquals(303, redirected.statusCode(), redirected.body());
            String back2 = redirected.headers().firstValue("Location").orElseThrow();
            assertTrue(back2.startsWith(receiving.base + "/receive/callback/" + RECEIVER + "?"), back2);
            Document arrived2 = atReceiving2.get(back2);
            assertEquals("RECEIVED", arrived2.selectFirst("#arrival").attr("data-arrival"), arrived2.outerHtml());
            Instance r = receiving;
            await("the EMREX 2.0 request is evaluated", () -> "evaluated".equals(r.read(id2).getString("status")));
            JsonPath over2 = receiving.read(id2);
            assertEquals("met", over2.getString("outcome"), over2.prettify());
            assertEquals("2.0", over2.getString("answers[0].protocol"));
            assertEquals("FOREIGN2", over2.getString("answers[0].provider"));
            assertEquals(true, over2.getBoolean("answers[0].verified"), over2.prettify());
            assertTrue(over2.getString("answers[0].transportSignature").startsWith("valid: RS256"), over2.prettify());
            assertEquals("MATCH", over2.getString("answers[0].learnerMatch"));

            // 1. The case system asks R for anna's results; the applicant opens the link and chooses F.
            HttpResponse<String> created = receiving.api("POST", "/api/receiver/requests", """
                    {"caseReference":"C-instances","profile":"bachelor-degree","purpose":"Admission",
                     "person":{"givenNames":"Anna Kristine","familyName":"Sørbø-Łukasiewicz","birthDate":"1998-04-17"}}""");
            assertEquals(201, created.statusCode(), created.body());
            JsonPath request = new JsonPath(created.body());
            String id = request.getString("id");
            String applicantUrl = request.getString("applicantUrl");
            assertEquals(receiving.base + "/receive/" + id, applicantUrl, "the link is on R's public URL");

            // One browser per service: both listen on localhost, and cookies do not tell ports apart.
            Browser atReceiving = new Browser();
            Browser atForeign = new Browser();
            await("R's registry lists F", () -> atReceiving.page(applicantUrl).select("input[name=provider]")
                    .eachAttr("value").contains(foreignEntry));
            Document choice = atReceiving.get(applicantUrl);
            List<String> providers = choice.select("input[name=provider]").eachAttr("value");
            assertEquals(List.of(receiving.base + "/emrex", foreignEntry, foreignAuthorize), providers,
                    "R itself first, then F's two entries");
            Document redirect = atReceiving.submit(choice, "form#choose-provider", Map.of("provider", List.of(foreignEntry)));
            Element toForeign = redirect.selectFirst("form#emrex-answer");
            assertNotNull(toForeign, redirect.outerHtml());
            assertEquals(foreignEntry, toForeign.attr("action"));
            Map<String, List<String>> trip = allFields(toForeign);
            assertEquals(List.of(receiving.base + "/receive/return/" + RECEIVER), trip.get("returnUrl"));

            // 2. At F: login as anna, select everything, confirm; F's answer form posts back to R.
            Document login = atForeign.post(foreignEntry, trip);
            Document selection = atForeign.submit(login, "form:has(input[name=username])",
                    Map.of("username", List.of("anna"), "password", List.of("demo")));
            List<String> all = selection.select("input[name=lo]").eachAttr("value");
            assertFalse(all.isEmpty(), "anna has results at F:\n" + selection.outerHtml());
            Document preview = atForeign.submit(selection, "form.selection", Map.of("lo", all));
            Element confirm = preview.selectFirst("form[action$=/confirm]");
            assertNotNull(confirm, preview.outerHtml());
            Document answer = atForeign.submit(preview, "form[action$=/confirm]",
                    Map.of("version", List.of(confirm.selectFirst("input[name=version]").attr("value"))));
            Element back = answer.selectFirst("form#emrex-answer");
            assertNotNull(back, answer.outerHtml());
            assertEquals(receiving.base + "/receive/return/" + RECEIVER, back.attr("action"));
            Map<String, List<String>> answerFields = allFields(back);
            assertEquals(List.of("sessionId", "returnCode", "returnMessage", "elmo"), List.copyOf(answerFields.keySet()));
            assertEquals(List.of("NCP_OK"), answerFields.get("returnCode"));

            // 3. R answers the applicant: their results arrived.
            Document arrived = atReceiving.post(back.attr("action"), answerFields);
            Element arrival = arrived.selectFirst("#arrival");
            assertNotNull(arrival, arrived.outerHtml());
            assertEquals("RECEIVED", arrival.attr("data-arrival"));
            foreign.process.destroy(); // F's part is done; it stops while R goes on

            // 4. The case system refuses the first webhook; R stops once that attempt is recorded, and starts again.
            await("the first webhook attempt reaches the case system", () -> posts(caseSystem).size() >= 1);
            Instance first = receiving;
            await("R records the first attempt", () -> first.read(id).getList("webhook[0].attempts").size() >= 1);
            JsonPath beforeStop = receiving.read(id);
            List<String> attemptedBeforeStop = beforeStop.getList("webhook[0].attempts.at", String.class);
            receiving.stop();
            receiving = null;
            int postedBeforeRestart = posts(caseSystem).size();
            foreign.stop();
            foreign = null;

            // 3. R verified the answer against F's certificate and evaluated it (as the API said before the stop).
            assertEquals("evaluated", beforeStop.getString("status"), beforeStop.prettify());
            assertEquals("met", beforeStop.getString("outcome"), beforeStop.prettify());
            assertEquals(true, beforeStop.getBoolean("answers[0].verified"));
            assertEquals("FOREIGN", beforeStop.getString("answers[0].provider"));
            assertEquals("MATCH", beforeStop.getString("answers[0].learnerMatch"));
            assertEquals("NCP_OK", beforeStop.getString("answers[0].returnCode"));
            assertEquals("Sørbø-Łukasiewicz", beforeStop.getString("results.learner.familyName"));
            assertEquals(500, beforeStop.getInt("webhook[0].attempts[0].status"));

            receiving = Instance.start("receiving-restarted", root, receivingProperties);
            Instance second = receiving;
            await("the webhook is delivered after the restart",
                    () -> "delivered".equals(second.read(id).getString("webhook[0].state")));

            JsonPath delivered = receiving.read(id);
            assertEquals("evaluated", delivered.getString("status"), "the request outlived the restart");
            List<Integer> statuses = delivered.getList("webhook[0].attempts.status", Integer.class);
            List<String> attemptedAt = delivered.getList("webhook[0].attempts.at", String.class);
            assertEquals(attemptedBeforeStop, attemptedAt.subList(0, attemptedBeforeStop.size()),
                    "the attempts made before the restart are still listed: " + delivered.prettify());
            assertEquals(500, statuses.get(0));
            assertEquals(200, statuses.get(statuses.size() - 1));
            assertTrue(statuses.size() >= 2 && statuses.size() <= 3, "statuses: " + statuses);
            assertTrue(statuses.subList(0, statuses.size() - 1).stream().allMatch(s -> s == 500), "statuses: " + statuses);

            // 5. The original document, kept over the restart as F signed it, verifies with the JDK's XML signature
            // API against F's certificate.
            String document = delivered.getString("answers[0].document");
            assertEquals(receiving.base + "/api/receiver/requests/" + id + "/answers/"
                    + delivered.getString("answers[0].id") + "/document", document);
            HttpResponse<byte[]> xml = receiving.http.send(receiving.authorized(URI.create(document)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, xml.statusCode());
            org.w3c.dom.Document signed = ElmoChecks.parse(xml.body());
            assertTrue(new JdkXmlSignatureVerifier().verify(signed, foreignKey.certificate()).valid(), "signed by F");
            assertFalse(new JdkXmlSignatureVerifier().verify(signed, ElmoChecks.exampleCertificate()).valid(),
                    "and not by R's key");

            List<LoggedRequest> posts = posts(caseSystem);
            assertTrue(postedBeforeRestart < 3, "R was stopped before the webhook got through: " + postedBeforeRestart);
            assertEquals(3, posts.size(), "two refusals, then taken; nothing posted after that");
            String key = delivered.getString("webhook[0].idempotencyKey");
            assertNotNull(key);
            for (LoggedRequest post : posts) {
                assertEquals(key, post.getHeader("Idempotency-Key"), "the same key on every attempt, before and after");
                assertEquals(new String(posts.get(0).getBody(), StandardCharsets.UTF_8),
                        new String(post.getBody(), StandardCharsets.UTF_8), "the same body on every attempt");
            }
            byte[] body = posts.get(2).getBody();
            DetachedSignature.Verdict verdict = DetachedSignature.verify(posts.get(2).getHeader("X-Signature"), body,
                    List.of(ElmoChecks.exampleCertificate()));
            assertTrue(verdict.valid(), verdict.describe());
            assertFalse(DetachedSignature.verify(posts.get(2).getHeader("X-Signature"), body,
                    List.of(foreignKey.certificate())).valid(), "signed by R, not F");
            JsonPath payload = new JsonPath(new String(body, StandardCharsets.UTF_8));
            assertEquals("request.evaluated", payload.getString("event"));
            assertEquals(key, payload.getString("idempotencyKey"));
            assertEquals(id, payload.getString("request.id"));
            assertEquals("met", payload.getString("request.outcome"));
            assertEquals("FOREIGN", payload.getString("request.answers[0].provider"));
        } finally {
            if (receiving != null) {
                receiving.stop();
            }
            if (foreign != null) {
                foreign.stop();
            }
            caseSystem.stop();
        }
    }

    /** The webhooks of the EMREX 1.0 request (those of the 2.0 one are answered by a stub of their own). */
    private static List<LoggedRequest> posts(WireMockServer caseSystem) {
        return caseSystem.findAll(postRequestedFor(urlEqualTo(WEBHOOK_PATH))).stream()
                .filter(p -> !p.getBodyAsString().contains("C-instances-2")).toList();
    }

    private static String publicPem(KeyPair key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static String database(Path folder) {
        return "-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + folder.resolve("ncp")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE";
    }

    private static void writePem(Path file, Object object) throws IOException {
        try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(file))) {
            pem.writeObject(object);
        }
    }

    private static String jsonString(String s) {
        return "\"" + s.replace("\r", "").replace("\n", "\\n") + "\"";
    }

    /** Polls until the condition holds, for at most {@link #WAIT}; a failed read counts as not yet. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException | AssertionError e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("not within " + WAIT + ": " + what, e);
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    /** Every field of a form, in document order, as a browser submitting it unchanged would send them. */
    private static Map<String, List<String>> allFields(Element form) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[name]")) {
            fields.computeIfAbsent(input.attr("name"), n -> new ArrayList<>()).add(input.attr("value"));
        }
        return fields;
    }

    /** A browser for one service: its cookies, redirects followed, the CSRF field sent with every form of ours. */
    private static final class Browser {

        private final CookieManager cookies = new CookieManager();
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        private final HttpClient noRedirects = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        Document get(String url) throws IOException, InterruptedException {
            return html(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT).GET().build(),
                    HttpResponse.BodyHandlers.ofString()));
        }

        /** {@link #get} for a condition: I/O trouble is a runtime failure. */
        Document page(String url) {
            try {
                return get(url);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Document post(String url, Map<String, List<String>> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream().flatMap(e -> e.getValue().stream()
                    .map(v -> encode(e.getKey()) + "=" + encode(v))).collect(Collectors.joining("&"));
            return html(http.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()));
        }

        /** A POST whose answer is not followed: a redirect to another service stays a redirect. */
        HttpResponse<String> postRaw(String url, Map<String, List<String>> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream().flatMap(e -> e.getValue().stream()
                    .map(v -> encode(e.getKey()) + "=" + encode(v))).collect(Collectors.joining("&"));
            return noRedirects.send(HttpRequest.newBuilder(URI.create(url)).timeout(WAIT)
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** Submits a form of the page with these fields and its CSRF token, to its action. */
        Document submit(Document page, String selector, Map<String, List<String>> fields)
                throws IOException, InterruptedException {
            Element form = page.selectFirst(selector);
            assertNotNull(form, "no " + selector + " on " + page.location() + ":\n" + page.outerHtml());
            Map<String, List<String>> all = new LinkedHashMap<>();
            Element csrf = form.selectFirst("input[name=csrf-token]");
            assertNotNull(csrf, "every form of ours carries the CSRF token: " + selector);
            all.put("csrf-token", List.of(csrf.attr("value")));
            all.putAll(fields);
            return post(form.absUrl("action"), all);
        }

        private static Document html(HttpResponse<String> response) {
            assertEquals(200, response.statusCode(), response.uri() + ":\n" + response.body());
            return Jsoup.parse(response.body(), response.uri().toString());
        }

        private static String encode(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    /** One service process from the packaged jar, demo profile, its output in a log file under the test's folder. */
    private static final class Instance {

        final String name;
        final Process process;
        final CompletableFuture<String> listening;
        final Path log;
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String base;

        private Instance(String name, Process process, CompletableFuture<String> listening, Path log) {
            this.name = name;
            this.process = process;
            this.listening = listening;
            this.log = log;
        }

        static Instance start(String name, Path root, List<String> properties) throws Exception {
            return launch(name, root, properties).awaitListening();
        }

        /** Starts the process; {@link #awaitListening()} waits until it serves HTTP. */
        static Instance launch(String name, Path root, List<String> properties) throws IOException {
            assertTrue(Files.isRegularFile(JAR), "run after the package phase: " + JAR);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            // A small instance's JVM: the tests start three of them on a shared machine.
            command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m"));
            command.addAll(List.of("-Dquarkus.profile=demo", "-Dquarkus.http.port=0", "-Dquarkus.management.port=0"));
            command.addAll(properties);
            command.addAll(List.of("-jar", JAR.toString()));
            Path log = root.resolve(name + ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> listening = new CompletableFuture<>();
            Thread reader = new Thread(() -> copyOutput(process, log, listening), name + "-output");
            reader.setDaemon(true);
            reader.start();
            return new Instance(name, process, listening, log);
        }

        Instance awaitListening() throws Exception {
            try {
                base = listening.get(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                return this;
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                stop(process);
                throw new AssertionError(name + " did not start:\n" + Files.readString(log), e);
            }
        }

        /** Copies the output to the log (the pipe must be drained while the process runs) and finds the base URL. */
        private static void copyOutput(Process process, Path log, CompletableFuture<String> listening) {
            Pattern pattern = Pattern.compile("Listening on: (http://\\S+)");
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)); BufferedWriter file = Files.newBufferedWriter(log)) {
                for (String line; (line = out.readLine()) != null; ) {
                    file.write(line);
                    file.newLine();
                    file.flush();
                    Matcher m = pattern.matcher(line);
                    if (m.find() && !listening.isDone()) {
                        // The demo's public URL is http://localhost with the port it listens on.
                        listening.complete(m.group(1).replace("0.0.0.0", "localhost").replaceAll("[./]+$", ""));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(new UncheckedIOException(e));
            }
            listening.completeExceptionally(new IllegalStateException("the process ended"));
        }

        HttpRequest.Builder authorized(URI uri) {
            return HttpRequest.newBuilder(uri).timeout(WAIT).header("Authorization", "Bearer " + TOKEN);
        }

        HttpResponse<String> api(String method, String path, String json) throws IOException, InterruptedException {
            HttpRequest.Builder request = authorized(URI.create(base + path));
            if (json == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        JsonPath read(String id) {
            try {
                HttpResponse<String> read = api("GET", "/api/receiver/requests/" + id, null);
                assertEquals(200, read.statusCode(), read.body());
                return new JsonPath(read.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        void stop() throws InterruptedException {
            stop(process);
        }

        private static void stop(Process process) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
