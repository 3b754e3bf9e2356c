package org.edurecords.ncp.ledger;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

/**
 * Deletes ledger rows older than {@code ncp.ledger.retention}. The only delete of the ledger besides the
 * cascade when a learner is removed; one conditional statement, so several instances may run it at once.
 */
@ApplicationScoped
public class LedgerRetention {

    private static final Logger LOG = Logger.getLogger(LedgerRetention.class);

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Scheduled(every = "${ncp.ledger.purge-every:6h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** @return the number of ledger rows deleted */
    @Transactional
    public long purge() {
        Instant cutoff = clock.instant().minus(config.ledger().retention());
        long deleted = DisclosureEvent.delete("occurredAt < ?1", cutoff);
        if (deleted > 0) {
            LOG.infof("Ledger retention: deleted %d rows recorded before %s", deleted, cutoff);
        }
        return deleted;
    }
}
