package org.edurecords.ncp.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * Three institutions' ELMO endpoints on one WireMock server: {@code /fast/}, {@code /slow/} and
 * {@code /broken/}, configured as live sources of fast.example.org, slow.example.org and
 * broken.example.org. Each test decides what they answer.
 */
public class WireMockInstitutions extends WireMockResource {

    public static final String FAST_TOKEN = "fast-source-token-0123456789abcdef";
    /** Anna's identifier at the institutions, and the paths where each institution is asked for her results. */
    public static final String ANNA = "17049812345";
    public static final String FAST = "/fast/elmo/" + ANNA;
    public static final String SLOW = "/slow/elmo/" + ANNA;
    public static final String BROKEN = "/broken/elmo/" + ANNA;


    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(20));
        server.start();
        String base = "http://localhost:" + server.port();
        Map<String, String> config = new HashMap<>();
        config.put("ncp.sources.http.fast.institution", "fast.example.org");
        config.put("ncp.sources.http.fast.url-template", base + "/fast/elmo/{learner}");
        config.put("ncp.sources.http.fast.bearer-token", FAST_TOKEN);
        config.put("ncp.sources.http.fast.timeout", "4S");
        config.put("ncp.sources.http.slow.institution", "slow.example.org");
        config.put("ncp.sources.http.slow.url-template", base + "/slow/elmo/{learner}");
        config.put("ncp.sources.http.slow.timeout", "1S");
        config.put("ncp.sources.http.slow.retries", "0");
        config.put("ncp.sources.http.broken.institution", "broken.example.org");
        config.put("ncp.sources.http.broken.url-template", base + "/broken/elmo/{learner}");
        config.put("ncp.sources.http.broken.timeout", "4S");
        config.put("ncp.sources.http.broken.max-response-bytes", "1048576");
        config.put("ncp.sources.retries", "1");
        config.put("ncp.sources.retry-delay", "20MS");
        config.put("ncp.sources.circuit-breaker.request-volume-threshold", "4");
        config.put("ncp.sources.circuit-breaker.failure-ratio", "0.75");
        config.put("ncp.sources.circuit-breaker.delay", "60S");
        return config;
    }

}
