package org.edurecords.ncp.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.exitBlockOnFail;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.Http;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * Complete transfers as browsers make them, with no think time: EMREX 1.0 (entry, login, selection, preview,
 * confirm, answer page), share-link creation in the portal (login, selection, preview, create: the signed PDF is
 * made there) and EMREX 2.0 (authorize, login, selection, consent, the client's token and results requests).
 * Every page's style sheet and scripts are fetched as a browser would, each virtual user being a new browser.
 *
 * <p>A warm-up runs the three in turn; then each runs alone for {@code load.seconds}, so that the service's CPU
 * time between the start and end of a phase is that scenario's alone. Each phase records the service's process
 * CPU time, its document meters and its peak resident memory; the report printed at the end puts them beside the
 * response times of each step ({@link StepTimes}).
 */
public class TransferLoadSimulation extends Simulation {

    /** The measured scenarios, in this order; {@code -Dload.scenarios=emrex1,emrex2} runs some of them only. */
    static final String[] PHASES = System.getProperty("load.scenarios", "emrex1,share,emrex2").split(",");
    static final Map<String, String> TITLES = Map.of("emrex1", "EMREX 1.0 transfer", "share", "Share-link creation",
            "emrex2", "EMREX 2.0 transfer");
    static final Map<String, String> PREFIXES = Map.of("emrex1", "1.0", "share", "share", "emrex2", "2.0");

    private static final int USERS = Integer.getInteger("load.users", 4);
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("load.warm-up-seconds", 240));
    private static final Duration MEASURED = Duration.ofSeconds(Integer.getInteger("load.seconds", 60));
    private static final Path WORK = Path.of(System.getProperty("load.work", "target/load"));

    private final ServiceUnderLoad service = new ServiceUnderLoad(Integer.getInteger("load.port", 8089),
            Integer.getInteger("load.management-port", 9089), WORK);
    private final LoadClient client = new LoadClient(service.base);
    private final InstitutionUnderLoad institution = new InstitutionUnderLoad();
    private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failed = new ConcurrentHashMap<>();
    private final Map<String, ServiceUnderLoad.Meters> begin = new ConcurrentHashMap<>();
    private final Map<String, Long> beginNanos = new ConcurrentHashMap<>();
    private final Properties summary = new Properties();
    private static final StepTimes TIMES = new StepTimes();

    private final HttpProtocolBuilder protocol = http.baseUrl(service.base)
            .disableFollowRedirect()
            // As a browser: the style sheet and scripts of each page, from this host only, cached as the answer says.
            .inferHtmlResources(io.gatling.javaapi.core.CoreDsl.AllowList(".*localhost.*"))
            .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
            .acceptLanguageHeader("en")
            .acceptEncodingHeader("gzip, deflate")
            .userAgentHeader("ncp-load");

    {
        for (String phase : PHASES) {
            if (!TITLES.containsKey(phase)) {
                throw new IllegalArgumentException("load.scenarios: no scenario '" + phase
                        + "'; the scenarios are emrex1, share and emrex2");
            }
        }
        PopulationBuilder chain = null;
        for (int i = PHASES.length - 1; i >= 0; i--) {
            String phase = PHASES[i];
            PopulationBuilder run = scenario(TITLES.get(phase))
                    .exec(counted(phase, flow(phase, PREFIXES.get(phase))))
                    .injectClosed(constantConcurrentUsers(USERS).during(MEASURED));
            PopulationBuilder end = marker("end " + phase, () -> close(phase));
            PopulationBuilder start = marker("start " + phase, () -> open(phase));
            PopulationBuilder measured = start.andThen(run.andThen(chain == null ? end : end.andThen(chain)));
            chain = measured;
        }
        PopulationBuilder warmUp = scenario("warm-up")
                .exec(warmUp())
                .injectClosed(constantConcurrentUsers(USERS).during(WARM_UP));
        setUp(warmUp.andThen(chain)).protocols(protocol);
    }

    private ChainBuilder warmUp() {
        ChainBuilder all = null;
        for (String phase : PHASES) {
            ChainBuilder one = exitBlockOnFail().on(flow(phase, "warm-up " + PREFIXES.get(phase)));
            all = all == null ? exec(one) : all.exec(one);
        }
        return all;
    }

    private ChainBuilder flow(String phase, String prefix) {
        return switch (phase) {
            case "emrex1" -> emrex1(prefix);
            case "share" -> share(prefix);
            case "emrex2" -> emrex2(prefix);
            default -> throw new IllegalArgumentException(phase);
        };
    }

    /** The flow, counted as completed or failed at its end; a failed step ends the flow there. */
    private ChainBuilder counted(String phase, ChainBuilder flow) {
        return exec(exitBlockOnFail().on(flow)).exec(session -> {
            (session.isFailed() ? failed : completed).computeIfAbsent(phase, p -> new AtomicInteger()).incrementAndGet();
            return session.markAsSucceeded();
        });
    }

    private ChainBuilder emrex1(String p) {
        return exec(
                timed(p + " entry", request -> request.post("/emrex")
                        .formParam("sessionId", session -> "load-" + UUID.randomUUID())
                        .formParam("returnUrl", service.base + "/demo-client/return")
                        .check(status().is(303), header("Location").transform(TransferLoadSimulation::flowBase)
                                .saveAs("flow"))),
                studentSteps(p),
                timed(p + " confirm", request -> confirm(request)
                        .check(status().is(200), css("form input[name=elmo]", "value").exists())));
    }

    private ChainBuilder emrex2(String p) {
        return exec(
                exec(session -> {
                    String verifier = LoadClient.verifier();
                    return session.set("verifier", verifier).set("challenge", LoadClient.challenge(verifier))
                            .set("state", UUID.randomUUID().toString());
                }),
                timed(p + " authorize", request -> request.get("/oauth2/authorize")
                        .queryParam("response_type", "code").queryParam("client_id", LoadClient.CLIENT_ID)
                        .queryParam("redirect_uri", LoadClient.REDIRECT_URI).queryParam("state", "#{state}")
                        .queryParam("code_challenge", "#{challenge}").queryParam("code_challenge_method", "S256")
                        .check(status().is(303), header("Location").transform(TransferLoadSimulation::flowBase)
                                .saveAs("flow"))),
                studentSteps(p),
                timed(p + " consent", request -> confirm(request)
                        .check(status().is(303), header("Location")
                                .transform(location -> query(location).get("code")).notNull().saveAs("code"))),
                timed(p + " token", request -> request.post("/oauth2/token")
                        .formParam("grant_type", "authorization_code").formParam("code", "#{code}")
                        .formParam("redirect_uri", LoadClient.REDIRECT_URI).formParam("code_verifier", "#{verifier}")
                        .formParam("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                        .formParam("client_assertion", session -> client.assertion())
                        .check(status().is(200), io.gatling.javaapi.core.CoreDsl.jsonPath("$.access_token")
                                .saveAs("token"))),
                timed(p + " results", request -> request.get("/results").header("Authorization", "Bearer #{token}")
                        .check(status().is(200), header("X-Signature").exists(),
                                substring("elmo").exists())));
    }

    private static final String CREATE = "form[action='/my-results/share/create']";

    private ChainBuilder share(String p) {
        return exec(
                login(p, "/my-results"),
                timed(p + " selection page", request -> request.get("/my-results/share")
                        .check(status().is(200), css("input[name=csrf-token]", "value").saveAs("csrf"),
                                css("input[name=lo]", "value").findAll().saveAs("lo"))),
                timed(p + " preview", request -> request.post("/my-results/share/preview")
                        .formParam("csrf-token", "#{csrf}").multivaluedFormParam("lo", "#{lo}")
                        .check(status().is(200),
                                css(CREATE + " input[name=csrf-token]", "value").saveAs("csrf"),
                                css(CREATE + " input[name=lo]", "value").findAll().saveAs("lo"),
                                css(CREATE + " input[name=previewHash]", "value").saveAs("previewHash"),
                                css(CREATE + " input[name=requestId]", "value").saveAs("requestId"),
                                css(CREATE + " input[name=validityDays][checked]", "value").saveAs("validityDays"),
                                css(CREATE + " input[name=language][checked]", "value").saveAs("language"))),
                timed(p + " create", request -> request.post("/my-results/share/create")
                        .formParam("csrf-token", "#{csrf}").multivaluedFormParam("lo", "#{lo}")
                        .formParam("previewHash", "#{previewHash}").formParam("requestId", "#{requestId}")
                        .formParam("validityDays", "#{validityDays}").formParam("language", "#{language}")
                        .formParam("label", "load")
                        .check(status().is(200), css("#share-code").exists())));
    }

    /** The login page and the demo login; the portal's form is posted to its own address. */
    private static ChainBuilder login(String p, String page) {
        boolean portal = page.equals("/my-results");
        return exec(
                timed(p + " login page", request -> request.get(page)
                        .check(status().is(200), css("input[name=csrf-token]", "value").saveAs("csrf"))),
                timed(p + " login", request -> request.post(portal ? "/my-results/login/demo" : page)
                        .formParam("csrf-token", "#{csrf}").formParam("username", "anna").formParam("password", "demo")
                        .check(status().is(303))));
    }

    private static ChainBuilder select(String p, String page) {
        return exec(
                timed(p + " selection page", request -> request.get(page)
                        .check(status().is(200), css("input[name=csrf-token]", "value").saveAs("csrf"),
                                css("input[name=lo]", "value").findAll().saveAs("lo"))),
                timed(p + " select", request -> request.post(page)
                        .formParam("csrf-token", "#{csrf}").multivaluedFormParam("lo", "#{lo}")
                        .check(status().is(303))));
    }

    /** What the student does in either protocol between the entry and the confirmation. */
    private static ChainBuilder studentSteps(String p) {
        return exec(login(p, "#{flow}/login"), select(p, "#{flow}/select"), preview(p));
    }

    /** The preview's confirm button: the version the student saw travels with it. */
    private static HttpRequestActionBuilder confirm(Http request) {
        return request.post("#{flow}/confirm").formParam("csrf-token", "#{csrf}").formParam("version", "#{version}");
    }

    private static ChainBuilder preview(String p) {
        return exec(timed(p + " preview", request -> request.get("#{flow}/preview")
                .check(status().is(200),
                        css("form[action$='/confirm'] input[name=csrf-token]", "value").saveAs("csrf"),
                        css("form[action$='/confirm'] input[name=version]", "value").saveAs("version"))));
    }

    /** The request, its response time recorded under its name when it succeeds. */
    private static ChainBuilder timed(String step, Function<Http, HttpRequestActionBuilder> request) {
        return exec(request.apply(http(step)).check(responseTimeInMillis().saveAs("responseTime"))).exec(session -> {
            if (!session.isFailed()) {
                TIMES.record(step, session.getInt("responseTime"));
            }
            return session;
        });
    }

    /** The flow's own path, from the address the entry sends the browser to ({@code /emrex/flow/{id}/login}). */
    private static String flowBase(String location) {
        String path = URI.create(location).getPath();
        return path.substring(0, path.lastIndexOf('/'));
    }

    private static Map<String, String> query(String location) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = URI.create(location).getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return parameters;
    }

    /** A user of its own that reads the service's meters at a phase's start or end. */
    private PopulationBuilder marker(String name, Runnable action) {
        return scenario(name).exec(session -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                e.printStackTrace();
                throw e;
            }
            return session;
        }).injectOpen(atOnceUsers(1));
    }

    private void open(String phase) {
        service.takePeakRssKb();
        begin.put(phase, service.meters());
        beginNanos.put(phase, System.nanoTime());
    }

    private void close(String phase) {
        long nanos = System.nanoTime() - beginNanos.get(phase);
        ServiceUnderLoad.Meters start = begin.get(phase);
        ServiceUnderLoad.Meters end = service.meters();
        String key = "phase." + phase + ".";
        summary.setProperty(key + "title", TITLES.get(phase));
        summary.setProperty(key + "prefix", PREFIXES.get(phase));
        summary.setProperty(key + "seconds", Double.toString(nanos / 1e9));
        summary.setProperty(key + "flows", Integer.toString(count(completed, phase)));
        summary.setProperty(key + "failed", Integer.toString(count(failed, phase)));
        summary.setProperty(key + "cpuMillis", Double.toString(end.cpuMillis() - start.cpuMillis()));
        summary.setProperty(key + "compilerCpuMillis",
                Double.toString(end.compilerCpuMillis() - start.compilerCpuMillis()));
        summary.setProperty(key + "documents", Double.toString(end.documents() - start.documents()));
        summary.setProperty(key + "documentWallMillis",
                Double.toString(end.documentWallMillis() - start.documentWallMillis()));
        summary.setProperty(key + "documentCpuMillis",
                Double.toString(end.documentCpuMillis() - start.documentCpuMillis()));
        summary.setProperty(key + "peakRssKb", Long.toString(service.takePeakRssKb()));
    }

    private static int count(Map<String, AtomicInteger> counts, String phase) {
        AtomicInteger count = counts.get(phase);
        return count == null ? 0 : count.get();
    }

    @Override
    public void before() {
        Path registry = client.writeRegistry(WORK);
        institution.start();
        service.start(Path.of(System.getProperty("load.jar", "target/quarkus-app/quarkus-run.jar")),
                System.getProperty("load.jvm-options", "-Xmx128m -XX:MaxMetaspaceSize=192m -XX:+UseSerialGC -XX:+UnlockExperimentalVMOptions -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=5000"),
                System.getProperty("load.service-env", ""),
                Path.of(System.getProperty("load.keys", "keys-example")).toAbsolutePath(), registry,
                List.of(institution.sourceOption()));
        summary.setProperty("service.readyMillis", Long.toString(service.readyMillis));
        summary.setProperty("service.quarkusStartedSeconds", Double.toString(service.quarkusStartedSeconds));
        summary.setProperty("service.idleRssKb", Long.toString(service.idleRssKb));
        summary.setProperty("service.jvmOptions", (System.getProperty("load.service-env", "") + " java "
                + System.getProperty("load.jvm-options", "")).trim());
        summary.setProperty("run.users", Integer.toString(USERS));
        summary.setProperty("run.warmUpSeconds", Long.toString(WARM_UP.toSeconds()));
        summary.setProperty("run.seconds", Long.toString(MEASURED.toSeconds()));
        System.out.printf("Service ready in %d ms (Quarkus: started in %.3f s), RSS %d MB%n", service.readyMillis,
                service.quarkusStartedSeconds, service.idleRssKb / 1024);
    }

    @Override
    public void after() {
        summary.setProperty("service.peakRssKb", Long.toString(service.overallPeakRssKb));
        service.stop();
        institution.stop();
        String report = report();
        System.out.println();
        System.out.println(report);
        try (var out = Files.newBufferedWriter(WORK.resolve("summary.properties"))) {
            summary.store(out, "load benchmark: the service's side of each phase");
            Files.writeString(WORK.resolve("report.md"), report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The run in Markdown: one row per scenario, then the latency of each of its steps. */
    private String report() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "Load benchmark, %s: %d concurrent users without think time, %d s warm-up,"
                + " %d s per scenario.%nService JVM options: %s. Ready in %d ms (Quarkus: started in %.2f s), RSS %d MB"
                + " when ready, %d MB at most under load.%n%n", java.time.OffsetDateTime.now().withNano(0), USERS,
                WARM_UP.toSeconds(), MEASURED.toSeconds(), summary.getProperty("service.jvmOptions"),
                service.readyMillis, service.quarkusStartedSeconds, service.idleRssKb / 1024,
                service.overallPeakRssKb / 1024));
        out.append("| scenario | flows | flows/s | errors | server CPU ms per flow | of which JIT compiler |"
                + " documents per flow | document CPU ms | document wall ms | flow CPU / document CPU |"
                + " without the compiler | p50 ms | p99 ms | peak RSS MB |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (String phase : PHASES) {
            String key = "phase." + phase + ".";
            double flows = number(key + "flows");
            double documents = number(key + "documents");
            out.append(String.format(Locale.ROOT,
                    "| %s | %.0f | %.1f | %.0f | %.1f | %.1f | %.2f | %.1f | %.1f | **%.2f** | %.2f | %d | %d | %.0f |%n",
                    TITLES.get(phase), flows, flows / number(key + "seconds"), number(key + "failed"),
                    number(key + "cpuMillis") / flows, number(key + "compilerCpuMillis") / flows, documents / flows,
                    number(key + "documentCpuMillis") / documents, number(key + "documentWallMillis") / documents,
                    number(key + "cpuMillis") / number(key + "documentCpuMillis"),
                    (number(key + "cpuMillis") - number(key + "compilerCpuMillis")) / number(key + "documentCpuMillis"),
                    TIMES.percentileOfAll(PREFIXES.get(phase), 0.5), TIMES.percentileOfAll(PREFIXES.get(phase), 0.99),
                    number(key + "peakRssKb") / 1024));
        }
        for (String phase : PHASES) {
            out.append("\n").append(TITLES.get(phase)).append(", each step (successful requests):\n\n");
            out.append("| step | requests | p50 ms | p99 ms |\n| --- | ---: | ---: | ---: |\n");
            for (String step : TIMES.steps(PREFIXES.get(phase))) {
                out.append(String.format(Locale.ROOT, "| %s | %d | %d | %d |%n", step, TIMES.count(step),
                        TIMES.percentile(step, 0.5), TIMES.percentile(step, 0.99)));
            }
        }
        out.append("\nThe style sheet and scripts each page loads are in Gatling's report (target/gatling), not above.\n");
        return out.toString();
    }

    private double number(String key) {
        return Double.parseDouble(summary.getProperty(key));
    }
}
