package org.edurecords.ncp.load;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The demo's second institution (the University of Bergen's ELMO endpoint) as a server of its own, the way an
 * institution's system is in production: the service under load asks it over the network at every login and pays
 * only for its own side of the call. Served by WireMock in the load tool's process; it answers as the demo's built-in
 * stand-in does ({@code DemoInstitutionResource}): no results for the demo learners, down for Carla.
 */
final class InstitutionUnderLoad {

    /** Carla's identifier in the demo data, the learner whose institution is "down for maintenance". */
    private static final String LEARNER_WITH_OUTAGE = "24089467890";

    private final WireMockServer server = new WireMockServer(options().dynamicPort().disableRequestJournal()
            .containerThreads(8).jettyAcceptors(1));

    void start() {
        server.start();
        server.stubFor(get(urlPathMatching("/uib\\.no/elmo/[^/]+")).atPriority(2)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "text/plain")
                        .withBody("No results for this learner")));
        server.stubFor(get(urlPathMatching("/uib\\.no/elmo/" + LEARNER_WITH_OUTAGE)).atPriority(1)
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "text/plain")
                        .withBody("Down for maintenance")));
    }

    /** The service's setting that points its demo source {@code uib} here instead of at itself. */
    String sourceOption() {
        return "-Dncp.sources.http.uib.url-template=http://localhost:" + server.port() + "/uib.no/elmo/{learner}";
    }

    void stop() {
        server.stop();
    }
}
