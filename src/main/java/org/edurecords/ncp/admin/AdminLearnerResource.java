package org.edurecords.ncp.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.edurecords.ncp.auth.Identity;
import org.edurecords.ncp.auth.LearnerDirectory;
import org.edurecords.ncp.web.LogSafe;
import org.jboss.logging.Logger;

/**
 * Erasure of a learner from the register (a data subject's request, or a person imported by mistake). The
 * learner is named by an identifier in the body, never in the URL, so that it stays out of access logs.
 */
@Path("/admin/learners")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "adminToken")
public class AdminLearnerResource {

    private static final Logger LOG = Logger.getLogger(AdminLearnerResource.class);

    /** Which learner to erase: an identifier scheme of the register ({@code nin}, {@code feide}, ...) and value. */
    public record ErasureRequest(String scheme, String identifier) {
    }

    @Inject
    AdminAccess access;

    @Inject
    LearnerDirectory directory;

    @Inject
    LearnerErasure erasure;

    @Inject
    ObjectMapper json;

    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a learner and everything stored about them",
            description = "Results, imports, EMREX flows, portal sessions, share links and the disclosure ledger"
                    + " of the learner with this identifier are deleted in one transaction.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ErasureRequest.class)))
    @APIResponse(responseCode = "200", description = "Erased; rows removed per kind")
    @APIResponse(responseCode = "400", description = "Not an erasure request")
    @APIResponse(responseCode = "401", description = "Missing or wrong token")
    @APIResponse(responseCode = "404", description = "No learner with this identifier (or the admin API is off)")
    public Response erase(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        Optional<Response> refused = access.refuse(authorization);
        if (refused.isPresent()) {
            return refused.get();
        }
        ErasureRequest request;
        try {
            request = body == null || body.length == 0 ? null : json.readValue(body, ErasureRequest.class);
        } catch (java.io.IOException e) {
            return AdminAccess.error(400, "body_invalid", "The body is not an erasure request: {\"scheme\": ..., \"identifier\": ...}");
        }
        if (request == null || isBlank(request.scheme()) || isBlank(request.identifier())) {
            return AdminAccess.error(400, "identifier_missing", "Both scheme and identifier are required");
        }
        Optional<Long> learner = directory.learnerFor(new Identity("admin", request.scheme().trim(),
                request.identifier().trim(), null, null, null));
        if (learner.isEmpty()) {
            LOG.infof("Learner erasure: no learner with an identifier of scheme %s", LogSafe.of(request.scheme().trim()));
            return AdminAccess.error(404, "learner_unknown", "No learner with this identifier");
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("erased", true);
        answer.put("removed", erasure.erase(learner.get()));
        return Response.ok(answer).build();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
