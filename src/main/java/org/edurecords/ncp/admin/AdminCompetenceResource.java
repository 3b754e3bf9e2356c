package org.edurecords.ncp.admin;

import java.io.IOException;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import org.edurecords.ncp.competence.CredentialImports;
import org.edurecords.ncp.web.ApiProblem;
import org.edurecords.ncp.web.JsonProblems;

/**
 * The admin API of "My competence" (docs/competence.md): a register imports the credentials it issued, and reports
 * a later change of a credential's status. The admin token guards it as every admin call.
 */
@Path("/admin/competence")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "adminToken")
public class AdminCompetenceResource {

    @Inject
    AdminAccess access;

    @Inject
    CredentialImports imports;

    @Inject
    ObjectMapper json;

    @POST
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import credentials of a register", description = "Each credential on its own; the same"
            + " content again changes nothing, other content updates it and records a new status in its history.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CredentialImports.Batch.class)))
    @APIResponse(responseCode = "200", description = "Import report, credential by credential",
            content = @Content(schema = @Schema(implementation = CredentialImports.Report.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, not the format, or no source")
    @APIResponse(responseCode = "401", description = "Missing or wrong token")
    public Response importCredentials(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return call(authorization, body, CredentialImports.Batch.class, batch -> Response.ok(imports.importBatch(batch))
                .build());
    }

    @POST
    @Path("import/csv")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import credentials of a register in the tabular format (CSV)", description = "Rows of one"
            + " credential share its source_key: a diploma has a row per subject, a licence a row per category"
            + " (docs/competence.md). Comma or semicolon separated, UTF-8; problems name the rows.")
    @APIResponse(responseCode = "200", description = "Import report, credential by credential",
            content = @Content(schema = @Schema(implementation = CredentialImports.Report.class)))
    @APIResponse(responseCode = "400", description = "Not CSV of this format, or no source")
    public Response importCsv(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "The register", example = "vigo")
            @jakarta.ws.rs.QueryParam("source") String source, byte[] body) {
        return guarded(authorization, body, () -> Response.ok(imports.importCsv(source, body)).build());
    }

    @POST
    @Path("{source}/{sourceKey}/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a credential's status", description = "E.g. an authorisation revoked: the credential"
            + " keeps the earlier statuses in its history, and share links show the status as it is now.")
    @RequestBody(content = @Content(schema = @Schema(implementation = CredentialImports.StatusUpdate.class)))
    @APIResponse(responseCode = "200", description = "{\"outcome\": \"UPDATED\"} or UNCHANGED")
    @APIResponse(responseCode = "404", description = "No credential with that key")
    public Response changeStatus(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("source") String source, @PathParam("sourceKey") String sourceKey, byte[] body) {
        return call(authorization, body, CredentialImports.StatusUpdate.class, update -> Response.ok(
                java.util.Map.of("outcome", imports.changeStatus(source, sourceKey, update))).build());
    }

    private <T> Response call(String authorization, byte[] body, Class<T> type, Function<T, Response> call) {
        return guarded(authorization, body, () -> {
            T value;
            try {
                value = json.readValue(body, type);
            } catch (JsonProcessingException e) {
                return AdminAccess.error(400, "body_invalid", "The body is not the expected JSON: "
                        + JsonProblems.describe(e));
            } catch (IOException e) {
                return AdminAccess.error(400, "body_invalid", "The body could not be read");
            }
            return value == null ? AdminAccess.error(400, "body_empty", "The body is empty") : call.apply(value);
        });
    }

    /** The admin token, a body, and the JSON error of a refusal the call raises. */
    private Response guarded(String authorization, byte[] body, java.util.function.Supplier<Response> call) {
        Optional<Response> refused = access.refuse(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (body == null || body.length == 0) {
            return AdminAccess.error(400, "body_empty", "The body is empty");
        }
        try {
            return call.get();
        } catch (ApiProblem e) {
            return AdminAccess.error(e.status(), e.code(), e.getMessage());
        }
    }
}
