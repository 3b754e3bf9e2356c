package org.edurecords.ncp.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import io.quarkus.scheduler.Trigger;
import org.edurecords.ncp.support.LogCapture;
import org.junit.jupiter.api.Test;

class ScheduledJobFailuresTest {

    private final ScheduledJobFailures failures = new ScheduledJobFailures();

    @Test
    void anOutageIsOneWarningPerJobAndARecoveryOneLine() {
        try (LogCapture log = LogCapture.start()) {
            RuntimeException away = new RuntimeException(new SQLException("I/O error", "08006"));
            failures.failed(new FailedExecution(run("purge"), away));
            failures.failed(new FailedExecution(run("purge"), away));
            failures.failed(new FailedExecution(run("webhooks"), away));
            failures.succeeded(new SuccessfulExecution(run("purge")));
            failures.succeeded(new SuccessfulExecution(run("purge")));

            List<String> lines = ours(log).stream().map(LogCapture::formatted).toList();
            assertEquals(List.of(
                    "Scheduled job purge cannot reach the database (SQL state 08006); it runs again at its next turn",
                    "Scheduled job webhooks cannot reach the database (SQL state 08006); it runs again at its next turn",
                    "Scheduled job purge runs again"), lines);
            assertTrue(ours(log).stream().allMatch(r -> r.getThrown() == null), "no stack trace for an outage");
        }
    }

    @Test
    void anyOtherFailureIsAnErrorWithItsStackTraceEveryTime() {
        try (LogCapture log = LogCapture.start()) {
            IllegalStateException bug = new IllegalStateException("a bug");
            failures.failed(new FailedExecution(run("purge"), bug));
            failures.failed(new FailedExecution(run("purge"), bug));

            List<LogRecord> records = ours(log);
            assertEquals(2, records.size());
            for (LogRecord record : records) {
                assertEquals(Level.SEVERE.intValue(), record.getLevel().intValue());
                assertNotNull(record.getThrown());
                assertEquals("Scheduled job purge failed", LogCapture.formatted(record));
            }
        }
    }

    private static List<LogRecord> ours(LogCapture log) {
        return log.records().stream().filter(r -> ScheduledJobFailures.class.getName().equals(r.getLoggerName()))
                .toList();
    }

    private static ScheduledExecution run(String job) {
        Trigger trigger = new Trigger() {
            @Override
            public String getId() {
                return job;
            }

            @Override
            public Instant getNextFireTime() {
                return null;
            }

            @Override
            public Instant getPreviousFireTime() {
                return null;
            }

            @Override
            public boolean isOverdue() {
                return false;
            }
        };
        return new ScheduledExecution() {
            @Override
            public Trigger getTrigger() {
                return trigger;
            }

            @Override
            public Instant getFireTime() {
                return Instant.EPOCH;
            }

            @Override
            public Instant getScheduledFireTime() {
                return Instant.EPOCH;
            }
        };
    }
}
