package org.edurecords.ncp.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of its own that a test can stop and start again on the same port and data directory while
 * the service runs: a real restart of the database, as in a maintenance window or a fail-over. Not the server the
 * other PostgreSQL tests share ({@link PostgresDatabase}), which stays up.
 */
public class RestartablePostgres implements QuarkusTestResourceLifecycleManager {

    private static final String PORT = "edurecords.test.restartable-postgres.port";
    private static final String DIRECTORY = "edurecords.test.restartable-postgres.directory";

    private static EmbeddedPostgres server;

    @Override
    public Map<String, String> start() {
        try {
            Path directory = Files.createTempDirectory("ncp-restartable-pg");
            System.setProperty(DIRECTORY, directory.toString());
            server = builder(directory).start();
            System.setProperty(PORT, String.valueOf(server.getPort()));
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + server.getPort() + "/postgres",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the restartable PostgreSQL server", e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            stopServer();
        }
        String directory = System.getProperty(DIRECTORY);
        if (directory != null) {
            try (Stream<Path> files = Files.walk(Path.of(directory))) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // A temporary directory; the operating system clears it.
            }
        }
    }

    /** Stops the server (a fast shutdown: open sessions are ended, as in a restart); its data stays. */
    public static synchronized void stopServer() {
        if (server == null) {
            throw new IllegalStateException("The restartable PostgreSQL server is not running");
        }
        try {
            server.close();
            server = null;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot stop the restartable PostgreSQL server", e);
        }
    }

    /** Starts the server again on its port, with the data it had. */
    public static synchronized void startServer() {
        try {
            server = builder(Path.of(System.getProperty(DIRECTORY)))
                    .setPort(Integer.parseInt(System.getProperty(PORT))).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the restartable PostgreSQL server again", e);
        }
    }

    private static EmbeddedPostgres.Builder builder(Path directory) {
        return EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(false);
    }
}
