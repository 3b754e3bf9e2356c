package org.edurecords.ncp.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import io.quarkus.test.junit.QuarkusMock;

/**
 * An application clock that stands still until the test moves it, so that limits and windows are exact
 * whatever the machine's speed. Installed with QuarkusMock for the current test only.
 */
public final class FrozenClock extends Clock {

    // Whole milliseconds, which the database stores exactly (it rounds to microseconds), so a time read back equals
    // the one written and the tests can step onto a window's very end.
    private volatile Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    public static FrozenClock install() {
        FrozenClock clock = new FrozenClock();
        QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
