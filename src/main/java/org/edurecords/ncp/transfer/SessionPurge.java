package org.edurecords.ncp.transfer;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

/**
 * Deletes EmrexSession rows (with their result snapshots) once they have expired and the retention
 * period has passed. Safe on several instances at once: the delete is one conditional statement, so
 * instances running it together simply find less to delete.
 */
@ApplicationScoped
public class SessionPurge {

    private static final Logger LOG = Logger.getLogger(SessionPurge.class);

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${ncp.operations.purge-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** @return the number of flows deleted */
    @Transactional
    public long purge() {
        Instant cutoff = clock.instant().minus(config.operations().sessionRetention());
        // Snapshots first: H2 and PostgreSQL both honour the cascade, but this keeps it explicit.
        ResultSnapshot.delete("flowId in (select s.id from EmrexSession s where s.expiresAt < ?1)", cutoff);
        long deleted = EmrexSession.delete("expiresAt < ?1", cutoff);
        if (deleted > 0) {
            LOG.infof("Purged %d EMREX flows that expired before %s", deleted, cutoff);
        }
        return deleted;
    }
}
