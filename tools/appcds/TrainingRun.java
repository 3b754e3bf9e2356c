import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the class-data-sharing archive that the README's run command uses (docs/adr/0880): starts the packaged
 * service once on the demo profile with an in-memory database, waits until it is ready, asks for a few pages so
 * that the classes of a request are loaded too, and stops it; the JVM writes every class it loaded to the archive
 * as it exits. A start with {@code -XX:SharedArchiveFile} then maps those classes instead of loading, parsing and
 * verifying them again.
 *
 * <p>Run by the build ({@code package}) as a single-file program: {@code java TrainingRun.java <jar> <archive>
 * <keys folder> <work folder> <JVM options...>}. A failed training run leaves no archive and fails nothing: the
 * service then starts without one, only slower.
 */
public class TrainingRun {

    public static void main(String[] args) throws Exception {
        try {
            train(args);
        } catch (IOException | RuntimeException e) {
            System.out.println("[appcds] the training run failed (" + e + "); no archive, the service starts without it");
        }
    }

    private static void train(String[] args) throws IOException, InterruptedException {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Path keys = Path.of(args[2]).toAbsolutePath();
        Path work = Path.of(args[3]).toAbsolutePath();
        List<String> jvmOptions = Arrays.asList(args).subList(4, args.length);
        Files.createDirectories(work);
        Files.deleteIfExists(archive);
        int port = freePort();
        int managementPort = freePort();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of(
                "-XX:ArchiveClassesAtExit=" + archive,
                "-Dquarkus.profile=demo",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.management.port=" + managementPort,
                "-Dquarkus.datasource.jdbc.url=jdbc:h2:mem:appcds;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                        + "DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;ANALYZE_AUTO=0;DB_CLOSE_DELAY=-1",
                "-Dncp.signing.key-path=" + keys.resolve("ncp-example.key.pem"),
                "-Dncp.signing.certificate-path=" + keys.resolve("ncp-example.cert.pem"),
                "-Dncp.demo.client-emrex2-key=" + work.resolve("demo-client-emrex2.key.pem"),
                "-Dncp.registry.cache-file=" + work.resolve("registry-cache.json"),
                // by its absolute path: the JVM then takes the archive for this jar however a command names it
                "-jar", jar.toString()));
        Path log = work.resolve("training-run.log");
        Process service = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            if (!ready(http, service, "http://localhost:" + managementPort + "/q/health/ready")) {
                System.out.println("[appcds] the training run did not get ready; no archive (see " + log + ")");
                service.destroyForcibly();
                return;
            }
            for (String page : List.of("/", "/demo-client", "/portal", "/verification", "/css/ncp.css")) {
                http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + page))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
            }
        } finally {
            service.destroy(); // SIGTERM: a normal exit, at which the JVM writes the archive
            if (!service.waitFor(2, TimeUnit.MINUTES)) {
                service.destroyForcibly();
            }
        }
        System.out.println(Files.isRegularFile(archive)
                ? "[appcds] " + archive + ": " + Files.size(archive) / (1024 * 1024) + " MB"
                : "[appcds] the JVM wrote no archive (see " + log + ")");
    }

    private static boolean ready(HttpClient http, Process service, String readiness) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (System.nanoTime() < deadline && service.isAlive()) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(readiness)).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return true;
                }
            } catch (IOException notListeningYet) {
                // the service is still starting
            }
            Thread.sleep(100);
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
