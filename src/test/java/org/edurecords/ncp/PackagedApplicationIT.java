package org.edurecords.ncp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.support.TestSigning;
import org.junit.jupiter.api.Test;

/**
 * Starts the packaged application the way an operator does ({@code java -jar}), to check that the
 * production profile refuses demonstration settings and that the demo profile of the README runs.
 */
class PackagedApplicationIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final String MEMORY_DB = "-Dquarkus.datasource.jdbc.url=jdbc:h2:mem:it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    /** A real student login, a public https URL and a receiver, so that each test meets only the refusal it is about. */
    private static final List<String> HEADER_LOGIN = List.of("-Dncp.auth.header.enabled=true",
            "-Dncp.auth.header.trusted-proxies=127.0.0.1", "-Dncp.public-url=https://ncp.example.org",
            "-Dncp.receivers.opptak.name.nb=Samordna opptak", "-Dncp.receivers.opptak.return-hosts=opptak.example.no");

    @Test
    void productionRefusesToStartWithoutAKey() throws Exception {
        Result result = runUntilExit(withLogin(MEMORY_DB));
        assertNotEquals(0, result.exitCode);
        assertTrue(result.output.contains("No ELMO signing key configured"), result.output);
    }

    @Test
    void productionRefusesTheExampleKey() throws Exception {
        Result result = runUntilExit(withLogin(MEMORY_DB, "-Dncp.signing.key-path=keys-example/ncp-example.key.pem",
                "-Dncp.signing.certificate-path=keys-example/ncp-example.cert.pem"));
        assertNotEquals(0, result.exitCode);
        assertTrue(result.output.contains("public example key"), result.output);
    }

    @Test
    void productionRefusesDemoLoginAndHttpReturnUrls() throws Exception {
        Result result = runUntilExit(List.of(MEMORY_DB, "-Dncp.signing.key-path=keys-example/ncp-example.key.pem",
                "-Dncp.signing.certificate-path=keys-example/ncp-example.cert.pem", "-Dncp.signing.allow-example-key=true",
                "-Dncp.demo.login-enabled=true", "-Dncp.emrex.allow-http-loopback=true"));
        assertNotEquals(0, result.exitCode);
        assertTrue(result.output.contains("Refusing to start the production profile"), result.output);
        assertTrue(result.output.contains("ncp.demo.login-enabled must be false"), result.output);
        assertTrue(result.output.contains("ncp.signing.allow-example-key must be false"), result.output);
        assertTrue(result.output.contains("ncp.emrex.allow-http-loopback must be false"), result.output);
    }

    @Test
    void productionRefusesToStartWithoutKnownReceivers() throws Exception {
        List<String> properties = new ArrayList<>(List.of(MEMORY_DB, "-Dncp.signing.key-path=keys-example/ncp-example.key.pem",
                "-Dncp.signing.certificate-path=keys-example/ncp-example.cert.pem", "-Dncp.auth.header.enabled=true",
                "-Dncp.auth.header.trusted-proxies=127.0.0.1", "-Dncp.public-url=https://ncp.example.org"));
        Result result = runUntilExit(properties);
        assertNotEquals(0, result.exitCode);
        assertTrue(result.output.contains("no receivers configured"), result.output);
    }

    @Test
    void productionRefusesToStartWithoutARealStudentLogin() throws Exception {
        Result result = runUntilExit(List.of(MEMORY_DB, "-Dncp.signing.key-path=keys-example/ncp-example.key.pem",
                "-Dncp.signing.certificate-path=keys-example/ncp-example.cert.pem", "-Dncp.signing.allow-example-key=true",
                "-Dncp.auth.header.enabled=true"));
        assertNotEquals(0, result.exitCode);
        assertTrue(result.output.contains("ncp.auth.header.trusted-proxies must name the service provider's address"),
                result.output);
        Result none = runUntilExit(List.of(MEMORY_DB, "-Dncp.signing.key-path=keys-example/ncp-example.key.pem",
                "-Dncp.signing.certificate-path=keys-example/ncp-example.cert.pem", "-Dncp.signing.allow-example-key=true"));
        assertNotEquals(0, none.exitCode);
        assertTrue(none.output.contains("no student login configured"), none.output);
    }

    @Test
    void demoProfileOfTheReadmeServesTheStartPageAndTheDemoClient() throws Exception {
        List<String> command = command(List.of("-Dquarkus.profile=demo", "-Dquarkus.http.port=0", "-Dquarkus.management.port=0",
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:mem:demo-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Pattern listening = Pattern.compile("Listening on: (http://\\S+)");
            String base = null;
            StringBuilder log = new StringBuilder();
            for (String line; base == null && (line = out.readLine()) != null; ) {
                log.append(line).append('\n');
                Matcher m = listening.matcher(line);
                if (m.find()) {
                    // The demo's public URL is http://localhost with the port it listens on.
                    base = m.group(1).replace("0.0.0.0", "localhost").replaceAll("[./]+$", "");
                }
            }
            assertTrue(base != null, "the demo did not start:\n" + log);
            Matcher management = Pattern.compile("Management interface listening on (http://\\S+)").matcher(log);
            assertTrue(management.find(), "the demo serves health and metrics on the management interface:\n" + log);
            String managementBase = management.group(1).replace("0.0.0.0", "localhost").replaceAll("[./]+$", "");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(home.body().contains("href=\"/demo-client\""), "the start page links to the demo client");
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(managementBase + "/q/health/ready"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("database-write"), ready.body());
            HttpResponse<String> client = http.send(HttpRequest.newBuilder(URI.create(base + "/demo-client")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, client.statusCode());
            assertTrue(client.body().contains("action=\"/emrex\""));

            // The demo learners are there: anna logs in and reaches the selection.
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<String> login = browser.send(form(base + "/emrex",
                    "sessionId=it&returnUrl=" + java.net.URLEncoder.encode(base + "/demo-client/return", StandardCharsets.UTF_8)),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, login.statusCode(), login.body());
            Matcher token = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"").matcher(login.body());
            assertTrue(token.find(), login.body());
            HttpResponse<String> selection = browser.send(form(login.uri().toString(),
                    "csrf-token=" + token.group(1) + "&username=anna&password=demo"), HttpResponse.BodyHandlers.ofString());
            assertTrue(selection.uri().getPath().endsWith("/select"), selection.uri().toString());
            assertTrue(selection.body().contains("Søketeknologi") || selection.body().contains("Search Technology"));
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    void productionServesHealthAndMetricsOnlyOnTheManagementInterface() throws Exception {
        Path keys = Files.createDirectories(Path.of("target/packaged-it-key"));
        SigningKey key = TestSigning.newKey("CN=Packaged test NCP");
        try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(keys.resolve("key.pem")))) {
            pem.writeObject(key.privateKey());
        }
        try (JcaPEMWriter pem = new JcaPEMWriter(Files.newBufferedWriter(keys.resolve("cert.pem")))) {
            pem.writeObject(key.certificate());
        }
        List<String> properties = withLogin(MEMORY_DB, "-Dquarkus.http.port=0", "-Dquarkus.management.port=0",
                "-Dncp.signing.key-path=" + keys.resolve("key.pem"), "-Dncp.signing.certificate-path=" + keys.resolve("cert.pem"),
                "-Dncp.registry.cache-file=target/packaged-it-registry.json");
        Process process = new ProcessBuilder(command(properties)).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            Pattern management = Pattern.compile("Management interface listening on (http://\\S+)");
            Pattern listening = Pattern.compile("Listening on: (http://\\S+)");
            String managementBase = null;
            String base = null;
            StringBuilder log = new StringBuilder();
            for (String line; base == null && (line = out.readLine()) != null; ) {
                log.append(line).append('\n');
                Matcher m = management.matcher(line);
                if (m.find()) {
                    managementBase = m.group(1).replace("0.0.0.0", "127.0.0.1").replaceAll("[./]+$", "");
                }
                Matcher l = listening.matcher(line);
                if (l.find()) {
                    base = l.group(1).replace("0.0.0.0", "127.0.0.1").replaceAll("[./]+$", "");
                }
            }
            assertTrue(base != null && managementBase != null, "production did not start with both interfaces:\n" + log);
            HttpClient http = HttpClient.newHttpClient();
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi")) {
                HttpResponse<String> onPublicPort = http.send(HttpRequest.newBuilder(URI.create(base + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(404, onPublicPort.statusCode(), path + " must not be on the public port");
                assertEquals("nosniff", onPublicPort.headers().firstValue("X-Content-Type-Options").orElse(""));
            }
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(managementBase + "/q/health/ready"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(ready.body().contains("database-write"), ready.body());
            assertEquals("nosniff", ready.headers().firstValue("X-Content-Type-Options").orElse(""));
            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(managementBase + "/q/metrics"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, metrics.statusCode());
            // The transfer counters exist at zero from start-up, before the first transfer.
            for (String code : List.of("NCP_OK", "NCP_CANCEL", "NCP_NO_RESULTS", "NCP_ERROR")) {
                assertTrue(metrics.body().contains("ncp_transfers_total{code=\"" + code + "\"} 0.0"), code + ":\n"
                        + metrics.body().lines().filter(x -> x.startsWith("ncp_")).toList());
            }
            assertTrue(metrics.body().contains("ncp_document_build_seconds_count 0.0"), "the document timer exists at 0");
            assertTrue(metrics.body().contains("ncp_document_build_cpu_seconds_total 0.0"), "its CPU counter too");
            HttpResponse<String> openapi = http.send(HttpRequest.newBuilder(URI.create(managementBase + "/q/openapi"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, openapi.statusCode());
            HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, home.statusCode());
            assertTrue(home.headers().firstValue("Strict-Transport-Security").isPresent());
            // The CSRF cookie of production: only this host over https may set it, and never for other sites' requests.
            String csrfCookie = home.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("__Host-ncp-csrf="))
                    .findFirst().orElse("");
            HttpResponse<String> portal = http.send(HttpRequest.newBuilder(URI.create(base + "/my-results")).build(),
                    HttpResponse.BodyHandlers.ofString());
            csrfCookie = csrfCookie.isEmpty() ? portal.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith("__Host-ncp-csrf=")).findFirst().orElse("") : csrfCookie;
            String lower = csrfCookie.toLowerCase(java.util.Locale.ROOT);
            assertTrue(lower.contains("secure") && lower.contains("path=/") && lower.contains("samesite=strict")
                    && !lower.contains("domain="), "CSRF cookie: " + csrfCookie + " / " + portal.headers().map());
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static HttpRequest form(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static List<String> withLogin(String... properties) {
        List<String> all = new ArrayList<>(List.of(properties));
        all.addAll(HEADER_LOGIN);
        return all;
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runUntilExit(List<String> properties) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command(properties)).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the application did not exit:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    private static List<String> command(List<String> properties) {
        assertTrue(Files.isRegularFile(JAR), "run after the package phase: " + JAR);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(properties);
        command.add("-jar");
        command.add(JAR.toString());
        return command;
    }
}
