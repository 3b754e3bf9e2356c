package org.edurecords.ncp.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.edurecords.ncp.results.ResultSource;
import org.edurecords.ncp.results.ResultSources;
import org.edurecords.ncp.results.SourceGuards;

/**
 * Reports each result source's circuit state (CLOSED, OPEN, HALF_OPEN). It stays UP with an open
 * circuit: one institution being down must not take every instance out of the load balancer, as the
 * service still delivers the other institutions' results (see docs/adr/0201).
 */
@Readiness
@ApplicationScoped
public class ResultSourcesReadiness implements HealthCheck {

    @Inject
    ResultSources sources;

    @Inject
    SourceGuards guards;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("result-sources").up();
        for (ResultSource source : sources.all()) {
            response.withData(source.name(), guards.state(source.name()).name());
        }
        return response.build();
    }
}
