package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.edurecords.ncp.support.StandaloneConfig;
import org.junit.jupiter.api.Test;

/** The limiter's memory: bounded in addresses, and an idle address is forgotten once its bucket is full again. */
class RateLimitsTest {

    private Instant now = Instant.parse("2026-03-01T12:00:00Z");

    private RateLimits limits(Map<String, String> settings) {
        RateLimits limits = new RateLimits();
        limits.config = StandaloneConfig.ncp(settings);
        limits.clock = new Clock() {
            @Override
            public Instant instant() {
                return now;
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        limits.metrics = new SimpleMeterRegistry();
        limits.create();
        return limits;
    }

    @Test
    void aFloodOfAddressesNeverHoldsMoreThanTheBound() {
        RateLimits limits = limits(Map.of("ncp.rate-limit.max-addresses", "1000"));
        for (int i = 0; i < 20_000; i++) {
            assertTrue(limits.take(RateLimits.Limit.FLOW_CREATION, "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255)).allowed());
        }
        assertTrue(limits.remembered(RateLimits.Limit.FLOW_CREATION) <= 1000,
                "remembered " + limits.remembered(RateLimits.Limit.FLOW_CREATION));
    }

    @Test
    void anIdleAddressIsForgottenWhenItsBucketIsFullAgain() {
        // Defaults: 30 a minute (one every 2 s) after a burst of 10.
        RateLimits limits = limits(Map.of());
        for (int i = 0; i < 10; i++) {
            assertTrue(limits.take(RateLimits.Limit.FLOW_CREATION, "192.0.2.1/32").allowed());
        }
        RateLimits.Decision refused = limits.take(RateLimits.Limit.FLOW_CREATION, "192.0.2.1/32");
        assertFalse(refused.allowed());
        assertEquals(2, refused.retryAfterSeconds());
        assertEquals(1, limits.remembered(RateLimits.Limit.FLOW_CREATION));

        now = now.plus(Duration.ofSeconds(19));
        assertEquals(1, limits.remembered(RateLimits.Limit.FLOW_CREATION), "not yet full again");
        now = now.plus(Duration.ofSeconds(2));
        assertEquals(0, limits.remembered(RateLimits.Limit.FLOW_CREATION));
        for (int i = 0; i < 10; i++) {
            assertTrue(limits.take(RateLimits.Limit.FLOW_CREATION, "192.0.2.1/32").allowed(), "the whole burst again");
        }
        assertTrue(limits.take(RateLimits.Limit.LOGIN, "192.0.2.1/32").allowed(), "each limit has its own buckets");
    }

    @Test
    void aClockThatGoesBackDoesNotLockAnAddressOut() {
        RateLimits limits = limits(Map.of("ncp.rate-limit.login.burst", "2", "ncp.rate-limit.login.per-minute", "1"));
        Instant start = now;
        now = start.plus(Duration.ofDays(1));
        assertTrue(limits.take(RateLimits.Limit.LOGIN, "192.0.2.1/32").allowed());
        assertTrue(limits.take(RateLimits.Limit.LOGIN, "192.0.2.1/32").allowed());
        assertFalse(limits.take(RateLimits.Limit.LOGIN, "192.0.2.1/32").allowed());
        now = start;
        assertTrue(limits.take(RateLimits.Limit.LOGIN, "192.0.2.1/32").allowed(), "not refused for a day");
        assertTrue(limits.take(RateLimits.Limit.LOGIN, "192.0.2.1/32").allowed());
        RateLimits.Decision refused = limits.take(RateLimits.Limit.LOGIN, "192.0.2.1/32");
        assertFalse(refused.allowed());
        assertEquals(60, refused.retryAfterSeconds());
    }

    @Test
    void switchedOffEverythingPasses() {
        RateLimits limits = limits(Map.of("ncp.rate-limit.enabled", "false", "ncp.rate-limit.login.burst", "1"));
        for (int i = 0; i < 100; i++) {
            assertTrue(limits.take(RateLimits.Limit.LOGIN, "192.0.2.1/32").allowed());
        }
    }
}
