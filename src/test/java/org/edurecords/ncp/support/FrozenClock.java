package org.edurecords.ncp.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.quarkus.test.junit.QuarkusMock;

/**
 * An application clock that stands still until the test moves it, so that limits and windows are exact
 * whatever the machine's speed. Installed with QuarkusMock for the current test only.
 */
public final class FrozenClock extends Clock {

    private volatile Instant now = Instant.now();

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
