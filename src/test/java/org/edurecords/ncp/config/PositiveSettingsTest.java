package org.edurecords.ncp.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.edurecords.ncp.support.StandaloneConfig;
import org.junit.jupiter.api.Test;

/** The start-up refusal of limits that cannot count anything, read the way the service reads its configuration. */
class PositiveSettingsTest {

    @Test
    void theDefaultsArePositive() {
        assertEquals(List.of(), PositiveSettings.problems(StandaloneConfig.ncp(Map.of())));
    }

    @Test
    void zeroAndNegativeLimitsAreNamedWithTheirValue() {
        List<String> problems = PositiveSettings.problems(StandaloneConfig.ncp(Map.of(
                "ncp.rate-limit.login.burst", "0",
                "ncp.sharing.link-attempt-limit", "-3")));
        assertEquals(List.of(
                "ncp.rate-limit.login.burst must be positive, is 0",
                "ncp.sharing.link-attempt-limit must be positive, is -3"), problems);
    }

    @Test
    void everyCheckedLimitIsReported() {
        Map<String, String> zeros = Map.ofEntries(
                Map.entry("ncp.rate-limit.max-addresses", "0"),
                Map.entry("ncp.rate-limit.flow-creation.per-minute", "0"),
                Map.entry("ncp.rate-limit.flow-creation.burst", "0"),
                Map.entry("ncp.rate-limit.login.per-minute", "0"),
                Map.entry("ncp.rate-limit.login.burst", "0"),
                Map.entry("ncp.rate-limit.share-creation.per-minute", "0"),
                Map.entry("ncp.rate-limit.share-creation.burst", "0"),
                Map.entry("ncp.rate-limit.share-email.per-minute", "0"),
                Map.entry("ncp.rate-limit.share-email.burst", "0"),
                Map.entry("ncp.sharing.link-attempt-limit", "0"),
                Map.entry("ncp.sharing.max-emails-per-link", "0"));
        List<String> problems = PositiveSettings.problems(StandaloneConfig.ncp(zeros));
        assertEquals(zeros.size(), problems.size(), problems.toString());
        zeros.keySet().forEach(name -> assertEquals(1,
                problems.stream().filter(p -> p.equals(name + " must be positive, is 0")).count(), name));
    }
}
