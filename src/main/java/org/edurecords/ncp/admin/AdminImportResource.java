package org.edurecords.ncp.admin;

import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.edurecords.ncp.web.JsonProblems;

/**
 * The admin import API: results of an institution without a live endpoint go into the embedded store,
 * as ELMO XML or as the JSON format of {@link ImportFormat}. Off (404) until {@code ncp.admin.token} is
 * set; every call must carry that token as a bearer token.
 */
@Path("/admin/import")
@Produces(MediaType.APPLICATION_JSON)
@SecurityScheme(securitySchemeName = "adminToken", type = SecuritySchemeType.HTTP, scheme = "bearer")
@SecurityRequirement(name = "adminToken")
public class AdminImportResource {

    @Inject
    AdminAccess access;

    @Inject
    ImportService imports;

    @Inject
    ObjectMapper json;

    @POST
    @Path("json")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import results in the JSON format", description = "Each learner is imported on their own;"
            + " re-importing the same content changes nothing.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ImportFormat.Batch.class)))
    @APIResponse(responseCode = "200", description = "Import report",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not JSON, or not the import format")
    @APIResponse(responseCode = "401", description = "Missing or wrong token")
    @APIResponse(responseCode = "422", description = "Unknown institution")
    public Response importJson(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        Optional<Response> refused = access.refuse(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (body == null || body.length == 0) {
            return AdminAccess.error(400, "body_empty", "The body is empty");
        }
        ImportFormat.Batch batch;
        try {
            batch = json.readValue(body, ImportFormat.Batch.class);
        } catch (JsonProcessingException e) {
            // Jackson's own message names the Java types the body is read into: say where, in JSON terms.
            return AdminAccess.error(400, "body_invalid", "The body is not the JSON import format: "
                    + JsonProblems.describe(e));
        } catch (java.io.IOException e) {
            return AdminAccess.error(400, "body_invalid", "The body could not be read");
        }
        if (batch == null) {
            return AdminAccess.error(400, "body_empty", "The body is empty");
        }
        try {
            return Response.ok(imports.importJson(batch)).build();
        } catch (ImportService.UnknownInstitutionException e) {
            return AdminAccess.error(422, "institution_unknown", e.getMessage());
        }
    }

    @POST
    @Path("elmo")
    @Consumes({MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(summary = "Import one learner's results as an ELMO document",
            description = "The document is parsed without DTDs and validated against ELMO 1.7.")
    @APIResponse(responseCode = "200", description = "Import report",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong token")
    @APIResponse(responseCode = "422", description = "Unknown institution")
    public Response importElmo(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "SCHAC code of the issuing institution", example = "uio.no")
            @QueryParam("institution") String institution, byte[] body) {
        return importFile(authorization, institution, body, imports::importElmo);
    }

    @POST
    @Path("csv")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import results in the tabular format (CSV, one row per result)",
            description = "Columns national_identifier, code, type, title_en, status and optional ones (docs/result-sources.md);"
                    + " comma or semicolon separated, UTF-8. Each learner is imported on their own.")
    @APIResponse(responseCode = "200", description = "Import report",
            content = @Content(schema = @Schema(implementation = ImportReport.class)))
    @APIResponse(responseCode = "400", description = "Not readable as the tabular format")
    @APIResponse(responseCode = "401", description = "Missing or wrong token")
    @APIResponse(responseCode = "422", description = "Unknown institution")
    public Response importCsv(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Parameter(description = "SCHAC code of the institution", example = "uio.no")
            @QueryParam("institution") String institution, byte[] body) {
        return importFile(authorization, institution, body, imports::importCsv);
    }

    /** One institution's file (ELMO or CSV): the checks every file import makes before the service reads it. */
    private interface FileImport {
        ImportReport run(String institution, byte[] body)
                throws ImportService.UnknownInstitutionException, CsvResults.UnreadableCsvException;
    }

    private Response importFile(String authorization, String institution, byte[] body, FileImport fileImport) {
        Optional<Response> refused = access.refuse(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        if (institution == null || institution.isBlank()) {
            return AdminAccess.error(400, "institution_missing", "The query parameter 'institution' (SCHAC code) is required");
        }
        if (body == null || body.length == 0) {
            return AdminAccess.error(400, "body_empty", "The body is empty");
        }
        try {
            return Response.ok(fileImport.run(institution, body)).build();
        } catch (ImportService.UnknownInstitutionException e) {
            return AdminAccess.error(422, "institution_unknown", e.getMessage());
        } catch (CsvResults.UnreadableCsvException e) {
            return AdminAccess.error(400, "csv_unreadable", e.getMessage());
        }
    }
}
