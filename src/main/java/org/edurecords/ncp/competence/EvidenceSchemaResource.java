package org.edurecords.ncp.competence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;

/**
 * The JSON Schema of the evidence format, where the EMREG 2.0 entry's {@code schemaUrl} points: receivers validate
 * against the very file the product is tested with ({@code schemas/} in the source, on the class path at run time).
 */
@Path("/schemas/competence-evidence-1.0.schema.json")
public class EvidenceSchemaResource {

    static final String CLASSPATH = "schemas/competence-evidence-1.0.schema.json";
    private static final byte[] SCHEMA = read();

    private static byte[] read() {
        try (InputStream in = EvidenceSchemaResource.class.getClassLoader().getResourceAsStream(CLASSPATH)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GET
    @Produces("application/schema+json")
    public Response schema() {
        return Response.ok(SCHEMA).header("Cache-Control", "public, max-age=86400")
                .header("Access-Control-Allow-Origin", "*").build();
    }
}
