package org.edurecords.ncp.results;

import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.Guard;
import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

/**
 * One SmallRye Fault Tolerance guard per source: a timeout per attempt, bounded retries on transient
 * failures only, and a circuit breaker whose state the readiness check reports. Built programmatically
 * because every source has its own settings.
 */
@ApplicationScoped
public class SourceGuards {

    private static final Logger LOG = Logger.getLogger(SourceGuards.class);

    @Inject
    NcpConfig config;

    private final Map<String, Guard> guards = new ConcurrentHashMap<>();
    private final Map<String, CircuitBreakerState> states = new ConcurrentHashMap<>();

    public Guard guardFor(ResultSource source) {
        return guards.computeIfAbsent(source.name(), name -> build(source));
    }

    /** Circuit state per source that has been called at least once (CLOSED before the first call). */
    public CircuitBreakerState state(String sourceName) {
        return states.getOrDefault(sourceName, CircuitBreakerState.CLOSED);
    }

    /** Closes every circuit again (after an incident is over, and between tests). */
    public void resetAll() {
        for (String name : guards.keySet()) {
            CircuitBreakerMaintenance.get().reset("source-" + name);
            states.put(name, CircuitBreakerState.CLOSED);
        }
    }

    private Guard build(ResultSource source) {
        NcpConfig.Sources defaults = config.sources();
        SourcePolicy policy = source.policy().orElse(new SourcePolicy(defaults.timeout(), defaults.retries()));
        NcpConfig.Sources.CircuitBreaker cb = defaults.circuitBreaker();
        String name = source.name();
        states.put(name, CircuitBreakerState.CLOSED);
        return Guard.create()
                .withDescription("result source " + name)
                .withTimeout().duration(policy.timeout().toMillis(), ChronoUnit.MILLIS).done()
                .withRetry().maxRetries(Math.max(0, policy.retries()))
                        .delay(defaults.retryDelay().toMillis(), ChronoUnit.MILLIS)
                        .jitter(0, ChronoUnit.MILLIS)
                        // Retrying a timeout or a document that failed validation would only repeat the failure.
                        .retryOn(SourceException.Transient.class)
                        .done()
                .withCircuitBreaker().name("source-" + name)
                        .requestVolumeThreshold(Math.max(1, cb.requestVolumeThreshold()))
                        .failureRatio(cb.failureRatio())
                        .delay(cb.delay().toMillis(), ChronoUnit.MILLIS)
                        .successThreshold(1)
                        .onStateChange(state -> {
                            states.put(name, state);
                            LOG.warnf("Result source %s: circuit %s", name, state);
                        })
                        .done()
                .build();
    }
}
