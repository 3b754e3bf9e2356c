package org.edurecords.ncp.health;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.SuccessfulExecution;
import org.edurecords.ncp.web.DatabaseUnavailable;
import org.jboss.logging.Logger;

/**
 * The log of the scheduled jobs' failures, in place of the scheduler's own (switched off in application.properties),
 * which writes a stack trace for every failed run. A job that fails because the database is away writes one WARN
 * line when it starts failing and one INFO line when it runs again: a purge that runs every ten seconds would
 * otherwise bury an outage's log in traces. Any other failure is an ERROR with its stack trace, every time.
 */
@ApplicationScoped
public class ScheduledJobFailures {

    private static final Logger LOG = Logger.getLogger(ScheduledJobFailures.class);

    /** The jobs whose last run failed because the database was away. */
    private final Set<String> waitingForDatabase = ConcurrentHashMap.newKeySet();

    void failed(@Observes FailedExecution failure) {
        String job = failure.getExecution().getTrigger().getId();
        var away = DatabaseUnavailable.reason(failure.getException());
        if (away.isEmpty()) {
            LOG.errorf(failure.getException(), "Scheduled job %s failed", job);
        } else if (waitingForDatabase.add(job)) {
            LOG.warnf("Scheduled job %s cannot reach the database (%s); it runs again at its next turn", job, away.get());
        }
    }

    void succeeded(@Observes SuccessfulExecution success) {
        String job = success.getExecution().getTrigger().getId();
        if (waitingForDatabase.remove(job)) {
            LOG.infof("Scheduled job %s runs again", job);
        }
    }
}
