package org.edurecords.ncp.web;

import java.time.LocalDate;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * A JSON endpoint of the tests only: the service's own JSON APIs read their bodies themselves, so this one lets
 * the tests reach the framework's JSON reading and its failures.
 */
@Path(JsonProbeResource.PATH)
public class JsonProbeResource {

    static final String PATH = "/api/test/json-probe";

    public record Probe(LocalDate date, int count, List<String> items) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Probe echo(Probe probe) {
        return probe;
    }
}
