package org.edurecords.ncp.sharing;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

/**
 * Retention of share links: deletes the snapshots of links expired or deactivated longer than
 * {@code ncp.sharing.snapshot-retention} ago, recording each deletion in the ledger, plus counted attempts
 * older than the window and grants that are over. The link rows stay for the owner's list. Safe on several
 * instances: each snapshot is deleted under a row lock, once.
 */
@ApplicationScoped
public class SharePurge {

    private static final Logger LOG = Logger.getLogger(SharePurge.class);
    private static final int BATCH = 500;

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Inject
    ShareLinks links;

    @Scheduled(every = "${ncp.sharing.purge-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** @return the number of snapshots deleted */
    public int purge() {
        Instant now = clock.instant();
        Instant cutoff = now.minus(config.sharing().snapshotRetention());
        int deleted = 0;
        for (String id : candidates(cutoff)) {
            if (links.deleteSnapshot(id, cutoff)) {
                deleted++;
            }
        }
        long cleaned = removeOldAttemptsAndGrants(now);
        if (deleted > 0 || cleaned > 0) {
            LOG.infof("Share links: deleted %d snapshots past retention, %d old attempts and grants", deleted, cleaned);
        }
        return deleted;
    }

    @Transactional
    List<String> candidates(Instant cutoff) {
        return ShareLink.<ShareLink>find("snapshotDeletedAt is null and (expiresAt <= ?1 or deactivatedAt <= ?1)", cutoff)
                .page(0, BATCH).list().stream().map(l -> l.id).toList();
    }

    @Transactional
    long removeOldAttemptsAndGrants(Instant now) {
        return ShareAttempt.delete("attemptedAt <= ?1", now.minus(config.sharing().attemptWindow()))
                + ShareGrant.delete("expiresAt <= ?1", now);
    }
}
