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
 * One SmallRye Fault Tolerance circuit breaker per source, whose state the readiness check reports; every
 * failed attempt, a timeout included, counts. Time and retries are not the guard's business: each call
 * carries its {@link Deadline}, which the source honours without being interrupted (an interrupt in the
 * middle of a database read can break the embedded H2 file), and {@link ResultService} retries a transient
 * failure only while time is left. Built programmatically because every source has its own name.
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
        NcpConfig.Sources.CircuitBreaker cb = config.sources().circuitBreaker();
        String name = source.name();
        states.put(name, CircuitBreakerState.CLOSED);
        return Guard.create()
                .withDescription("result source " + name)
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
