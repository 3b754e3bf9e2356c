package org.edurecords.ncp.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.SecretTokens;
import org.jboss.logging.Logger;

/**
 * Ready only while the database takes a write: the check updates this instance's row of
 * {@code readiness_probe} and commits, within {@code ncp.operations.readiness-write-timeout}. A database
 * that still answers queries but refuses writes (a full disk, a read-only replica, a lock that is never
 * released, a broken constraint) takes the instance out of the load balancer instead of failing every
 * transfer. Rows of instances that stopped more than a day ago are removed on the way.
 */
@Readiness
@ApplicationScoped
public class DatabaseWriteReadiness implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(DatabaseWriteReadiness.class);
    private static final Duration STALE = Duration.ofDays(1);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    private final String instanceId = SecretTokens.random(16);
    private volatile boolean lastUp = true;

    @Override
    public HealthCheckResponse call() {
        Duration timeout = config.operations().readinessWriteTimeout();
        int seconds = (int) Math.max(1, timeout.toSeconds());
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                write(connection, now, seconds);
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (lastUp) {
                LOG.warnf("Readiness DOWN: the database did not take a write (SQL state %s)", e.getSQLState());
            }
            lastUp = false;
            return HealthCheckResponse.named("database-write").down()
                    .withData("problem", "the database did not commit a write within " + seconds + " s")
                    .withData("sqlState", String.valueOf(e.getSQLState()))
                    .build();
        }
        if (!lastUp) {
            LOG.info("Readiness: the database takes writes again");
        }
        lastUp = true;
        return HealthCheckResponse.named("database-write").up().build();
    }

    private void write(Connection connection, Instant now, int seconds) throws SQLException {
        Timestamp at = Timestamp.from(now);
        try (PreparedStatement update = connection.prepareStatement(
                "update readiness_probe set checked_at = ?, kind = 'write' where instance_id = ?")) {
            update.setQueryTimeout(seconds);
            update.setTimestamp(1, at);
            update.setString(2, instanceId);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "insert into readiness_probe (instance_id, kind, checked_at) values (?, 'startup', ?)");
                PreparedStatement stale = connection.prepareStatement("delete from readiness_probe where checked_at < ?")) {
            insert.setQueryTimeout(seconds);
            insert.setString(1, instanceId);
            insert.setTimestamp(2, at);
            insert.executeUpdate();
            // Once per instance start: rows of instances gone for a day.
            stale.setQueryTimeout(seconds);
            stale.setTimestamp(1, Timestamp.from(now.minus(STALE)));
            stale.executeUpdate();
        }
    }
}
