package org.edurecords.ncp.results;

import java.time.Duration;

/**
 * The moment by which one source must have answered one fan-out, on the monotonic clock (so a test clock
 * or a wall-clock step never stretches it). Everything a source does for that answer, queueing, connecting,
 * reading the body and retrying, happens before it.
 */
public record Deadline(long nanoTime) {

    public static Deadline after(long startNanos, Duration budget) {
        return new Deadline(startNanos + budget.toNanos());
    }

    public long remainingNanos() {
        return nanoTime - System.nanoTime();
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, remainingNanos()));
    }

    public boolean passed() {
        return remainingNanos() <= 0;
    }
}
