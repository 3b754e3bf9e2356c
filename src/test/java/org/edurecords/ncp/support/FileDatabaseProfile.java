package org.edurecords.ncp.support;

import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The demo as the README runs it: an H2 file database created at start by the migrations, no
 * {@code DB_CLOSE_DELAY} and a pool that may drop every idle connection. Tests remove the idle
 * connections and run the scheduled jobs themselves, at the moments the sequence they test needs.
 */
public class FileDatabaseProfile implements QuarkusTestProfile {

    /** A new database file per test run, so that the migrations really create the schema. */
    public static final String URL = "jdbc:h2:file:./target/file-database/ncp-" + UUID.randomUUID()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;ANALYZE_AUTO=0;DB_CLOSE_ON_EXIT=FALSE";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "quarkus.datasource.jdbc.url", URL,
                "quarkus.datasource.jdbc.min-size", "0",
                "quarkus.datasource.jdbc.idle-removal-interval", "5S");
    }

    @Override
    public String getConfigProfile() {
        return "test";
    }
}
