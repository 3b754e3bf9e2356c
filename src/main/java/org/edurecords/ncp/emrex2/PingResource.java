package org.edurecords.ncp.emrex2;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The {@code pingUrl} of our EMREG 2.0 entry: a cheap answer on the public port that says the EMREX 2.0 endpoints
 * are served. Readiness (database, key, sources) stays on the management interface.
 */
@Path(Emrex2Endpoints.PING)
public class PingResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> ping() {
        return Map.of("status", "UP");
    }
}
