package org.edurecords.ncp.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;

import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * The embedded database's settings that keep it working under load: every shipped H2 address carries them, and H2
 * really takes them from the address (a misspelt setting would be refused at start, a wrong value would show here).
 */
@QuarkusTest
class H2SettingsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void everyShippedH2AddressTurnsOffTheAnalysisInsideCommitsAndKeepsParsedStatements() throws IOException {
        Properties shipped = new Properties();
        try (InputStream in = H2SettingsTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            shipped.load(in);
        }
        List<String> h2Urls = shipped.stringPropertyNames().stream()
                .filter(key -> key.endsWith("quarkus.datasource.jdbc.url"))
                .map(shipped::getProperty).filter(url -> url.startsWith("jdbc:h2:")).toList();
        assertEquals(3, h2Urls.size(), "default, demo and test: " + h2Urls);
        for (String url : h2Urls) {
            assertTrue(url.contains(";ANALYZE_AUTO=0;") || url.endsWith(";ANALYZE_AUTO=0"), url);
            assertTrue(url.contains(";QUERY_CACHE_SIZE=64"), url);
        }
    }

    @Test
    void theRunningDatabaseHasTheSettingsOfItsAddress() throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet settings = statement.executeQuery("select setting_name, setting_value"
                        + " from information_schema.settings where setting_name in ('ANALYZE_AUTO', 'QUERY_CACHE_SIZE')"
                        + " order by setting_name")) {
            assertTrue(settings.next());
            assertEquals("ANALYZE_AUTO", settings.getString(1));
            assertEquals("0", settings.getString(2));
            assertTrue(settings.next());
            assertEquals("QUERY_CACHE_SIZE", settings.getString(1));
            assertEquals("64", settings.getString(2));
        }
    }
}
