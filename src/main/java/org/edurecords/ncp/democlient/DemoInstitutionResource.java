package org.edurecords.ncp.democlient;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.edurecords.ncp.config.NcpConfig;

/**
 * A stand-in for an institution's ELMO endpoint in the demo: the University of Bergen's student
 * information system, "down for maintenance" for the demo learner Carla and without results for
 * everyone else. It lets the walk-through show partial results without any external service.
 */
@Path("/demo-institution/{schac}/elmo/{learner}")
public class DemoInstitutionResource {

    /** Carla's (fictitious) national identifier in the demo data. */
    static final String LEARNER_WITH_OUTAGE = "24089467890";

    @Inject
    NcpConfig config;

    @GET
    public Response elmo(@PathParam("schac") String schac, @PathParam("learner") String learner) {
        if (!config.demo().loginEnabled()) {
            return Response.status(404).build();
        }
        if (LEARNER_WITH_OUTAGE.equals(learner)) {
            return Response.status(503).type(MediaType.TEXT_PLAIN_TYPE).entity("Down for maintenance").build();
        }
        return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("No results for this learner").build();
    }
}
