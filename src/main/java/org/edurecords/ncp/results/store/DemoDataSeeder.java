package org.edurecords.ncp.results.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import org.edurecords.ncp.config.NcpConfig;
import org.h2.util.ScriptReader;
import org.jboss.logging.Logger;

/**
 * Loads the demo learners and results when {@code ncp.demo.seed-data} is on. This is not a Flyway
 * location because Flyway's locations are fixed when the jar is built, and the same jar must run
 * both as the demo and in production.
 */
@ApplicationScoped
public class DemoDataSeeder {

    private static final Logger LOG = Logger.getLogger(DemoDataSeeder.class);

    /** Applied in this order, each once. */
    static final List<String> SCRIPTS = List.of("db/demo/V1000__demo_learners_and_results.sql",
            "db/demo/V1000.4__demo_partial_results.sql",
            "db/demo/V1001__richer_demo_results.sql",
            "db/demo/V1002__demo_earlier_qualification.sql",
            "db/demo/V1003__demo_competence.sql");

    @Inject
    NcpConfig config;

    @Inject
    DataSource dataSource;

    void seed(@Observes @Priority(10) StartupEvent event) {
        if (!config.demo().seedData()) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement check = connection.createStatement();
                    var rows = check.executeQuery("select count(*) from demo_account")) {
                rows.next();
                if (rows.getLong(1) > 0) {
                    LOG.info("Demo data already present");
                    return;
                }
            }
            for (String script : SCRIPTS) {
                run(connection, script);
            }
            connection.commit();
            LOG.infof("Demo data loaded (%d scripts)", SCRIPTS.size());
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not load the demo data", e);
        }
    }

    private static void run(Connection connection, String resource) throws IOException, SQLException {
        try (InputStream in = DemoDataSeeder.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("Missing demo script " + resource);
            }
            // H2's script reader splits statements correctly around quotes and comments.
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8); Statement statement = connection.createStatement()) {
                ScriptReader statements = new ScriptReader(reader);
                for (String sql = statements.readStatement(); sql != null; sql = statements.readStatement()) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
        }
    }
}
