package org.edurecords.ncp.support;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The demo with small limits, and with the loopback address trusted as a proxy, so that a test speaks for any
 * client address through {@code X-Forwarded-For} ({@link FlowClient#from}). Each test uses addresses of its own:
 * the limits remember an address for the whole application run.
 */
public class LimitsProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.ofEntries(
                Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"),
                Map.entry("ncp.rate-limit.flow-creation.per-minute", "1"),
                Map.entry("ncp.rate-limit.flow-creation.burst", "3"),
                Map.entry("ncp.rate-limit.login.per-minute", "1"),
                Map.entry("ncp.rate-limit.login.burst", "3"),
                Map.entry("ncp.rate-limit.share-creation.per-minute", "1"),
                Map.entry("ncp.rate-limit.share-creation.burst", "2"),
                Map.entry("ncp.rate-limit.share-email.per-minute", "1"),
                Map.entry("ncp.rate-limit.share-email.burst", "2"),
                Map.entry("ncp.sharing.attempt-limit", "3"),
                Map.entry("ncp.sharing.link-attempt-limit", "7"));
    }
}
