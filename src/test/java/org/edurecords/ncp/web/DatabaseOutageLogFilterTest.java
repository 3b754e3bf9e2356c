package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;

class DatabaseOutageLogFilterTest {

    private final DatabaseOutageLogFilter filter = new DatabaseOutageLogFilter();

    private static LogRecord record(String logger, Throwable thrown) {
        LogRecord record = new LogRecord(Level.WARNING, "ARJUNA012125: TwoPhaseCoordinator.beforeCompletion - failed");
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }

    private static RuntimeException refused() {
        return new RuntimeException("Unable to acquire JDBC Connection",
                new SQLException("Connection to localhost:5432 refused", "08001"));
    }

    @Test
    void theTransactionManagersTraceOfAnOutageIsLeftOut() {
        assertFalse(filter.isLoggable(record("com.arjuna.ats.arjuna", refused())));
        assertFalse(filter.isLoggable(record("com.arjuna.ats.jta", refused())));
    }

    @Test
    void everythingElseIsLogged() {
        assertTrue(filter.isLoggable(record("com.arjuna.ats.arjuna", null)), "its messages without a failure");
        assertTrue(filter.isLoggable(record("com.arjuna.ats.arjuna",
                new RuntimeException(new SQLException("duplicate key", "23505")))), "a failure that is not an outage");
        assertTrue(filter.isLoggable(record("org.edurecords.ncp.transfer.TransferFlowService", refused())),
                "an outage logged by anyone else");
        assertTrue(filter.isLoggable(record(null, refused())));
    }
}
