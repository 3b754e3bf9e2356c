package org.edurecords.ncp.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The service as the benchmark runs it: the packaged jar in a JVM of its own, on the demo profile, with a fresh
 * database in {@code target/load}. It knows how long the service took to become ready, reads the service's own
 * meters (its process CPU time as the JVM counts it, the signed document's timer) and samples its resident memory.
 */
final class ServiceUnderLoad {

    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");

    final String base;
    final Path work;
    private final String management;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Thread sampler;
    private final AtomicLong rssKb = new AtomicLong();
    private final AtomicLong peakRssKb = new AtomicLong();
    long readyMillis;
    double quarkusStartedSeconds;
    long idleRssKb;

    ServiceUnderLoad(int port, int managementPort, Path work) {
        this.base = "http://localhost:" + port;
        this.management = "http://localhost:" + managementPort;
        this.work = work;
    }

    /**
     * Starts the jar with the given JVM options and environment variables ({@code NAME=value}, separated by spaces)
     * and waits until readiness says UP; the time from the JVM's start to that answer is kept. {@code settings} are
     * further {@code -D} options of the service.
     */
    void start(Path jar, String jvmOptions, String environment, Path keys, Path clientRegistry, List<String> settings) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No service jar at " + jar + ": build it first (./mvnw -B -Pload verify does)");
        }
        try {
            deleteTree(work.resolve("data"));
            Files.createDirectories(work);
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(Arrays.asList(jvmOptions.trim().split("\\s+")));
            command.addAll(List.of(
                    "-Dquarkus.profile=demo",
                    "-Dquarkus.http.port=" + URI.create(base).getPort(),
                    "-Dquarkus.management.port=" + URI.create(management).getPort(),
                    "-Dncp.signing.key-path=" + keys.resolve("ncp-example.key.pem"),
                    "-Dncp.signing.certificate-path=" + keys.resolve("ncp-example.cert.pem"),
                    // Every virtual user comes from 127.0.0.1: the per-address limits would refuse most of them.
                    "-Dncp.rate-limit.enabled=false",
                    "-Dncp.emrex2.client-registry=" + clientRegistry));
            command.addAll(settings);
            command.addAll(List.of("-jar", jar.toString()));
            long started = System.nanoTime();
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
            for (String variable : environment.trim().split("\\s+")) {
                int equals = variable.indexOf('=');
                if (equals > 0) {
                    builder.environment().put(variable.substring(0, equals), variable.substring(equals + 1));
                }
            }
            process = builder.start();
            waitUntilReady(started);
            idleRssKb = readRssKb();
            Matcher matcher = STARTED.matcher(Files.readString(work.resolve("service.log")));
            quarkusStartedSeconds = matcher.find() ? Double.parseDouble(matcher.group(1)) : Double.NaN;
            sampler = new Thread(this::sample, "rss-sampler");
            sampler.setDaemon(true);
            sampler.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitUntilReady(long started) {
        long deadline = started + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The service stopped while starting; see " + work.resolve("service.log"));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(management + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    readyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("The service was not ready within 2 minutes");
    }

    /** The service's meters now, as its Prometheus endpoint gives them. */
    Meters meters() {
        try {
            String text = http.send(HttpRequest.newBuilder(URI.create(management + "/q/metrics"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
            return new Meters(value(text, "process_cpu_time_ns_total") / 1e6,
                    value(text, "ncp_document_build_seconds_count"),
                    value(text, "ncp_document_build_seconds_sum") * 1000,
                    value(text, "ncp_document_build_cpu_seconds_total") * 1000, compilerCpuMillis(), rssKb.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double value(String prometheus, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? ([0-9.Ee+-]+)$").matcher(prometheus);
        if (!matcher.find()) {
            throw new IllegalStateException("The service has no meter " + name);
        }
        return Double.parseDouble(matcher.group(1));
    }

    /** The highest resident set size since the last call. */
    long takePeakRssKb() {
        return peakRssKb.getAndSet(rssKb.get());
    }

    long overallPeakRssKb;

    private void sample() {
        while (process.isAlive()) {
            long now = readRssKb();
            rssKb.set(now);
            peakRssKb.accumulateAndGet(now, Math::max);
            overallPeakRssKb = Math.max(overallPeakRssKb, now);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The CPU time of the JIT compiler's threads so far, from {@code /proc/<pid>/task/*}: the JVM's meters do not
     * separate it from the rest of the process. Linux counts it in ticks of 1/100 s ({@code USER_HZ}); a compiler
     * thread the JVM has ended takes its time with it, so this can only undercount. 0 where there is no /proc.
     */
    double compilerCpuMillis() {
        Path tasks = Path.of("/proc", Long.toString(process.pid()), "task");
        long ticks = 0;
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path thread : threads.toList()) {
                try {
                    String name = Files.readString(thread.resolve("comm")).trim();
                    if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                        ticks += userAndSystemTicks(Files.readString(thread.resolve("stat")));
                    }
                } catch (IOException e) {
                    // the thread ended between the listing and the reading
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return ticks * 10.0;
    }

    /** utime + stime of a {@code stat} line; the name in parentheses may hold spaces, so fields count after it. */
    static long userAndSystemTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        // after the name: state is field 3 of stat(5), utime field 14 and stime field 15
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private long readRssKb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // the process has just ended, or this is not Linux
        }
        return 0;
    }

    void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (sampler != null) {
            sampler.interrupt();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** One reading of the service's meters; times in milliseconds. */
    record Meters(double cpuMillis, double documents, double documentWallMillis, double documentCpuMillis,
            double compilerCpuMillis, long rssKb) {
    }
}
