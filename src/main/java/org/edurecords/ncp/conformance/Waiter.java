package org.edurecords.ncp.conformance;

import java.time.Duration;

/**
 * How the EMREX 2.0 checklist lets time pass for the expiry checks: the command line sleeps, a test moves the
 * service's clock instead.
 */
@FunctionalInterface
public interface Waiter {

    void wait(Duration duration);

    /** Real time. */
    static Waiter sleeping() {
        return duration -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting", e);
            }
        };
    }
}
