package org.edurecords.ncp.receiving;

import java.io.IOException;
import java.net.URI;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex.Receiver;

/**
 * The case systems' API (docs/receivers.md): ask for an applicant's results, read the request's status and, once
 * evaluated, the normalised results, the evaluation and the original documents. Each receiver sees only its own
 * requests, by its bearer token.
 */
@Path(ReceiverRequestResource.PATH)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receivers", description = "Results requests of case systems")
@SecurityScheme(securitySchemeName = "receiverToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The receiver's api-token, or an OAuth2 access token (client credentials) of the operator's"
                + " identity provider for the receiver's oauth-client-id (docs/receivers.md, \"API credentials\")")
@SecurityRequirement(name = "receiverToken")
public class ReceiverRequestResource {

    public static final String PATH = "/api/receiver/requests";

    @Inject
    ReceiverAccess access;

    @Inject
    ReceiverRequests requests;

    @Inject
    ObjectMapper json;

    @Inject
    NcpConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Ask for an applicant's results",
            description = "Stores the request and answers the URL to send the applicant to. The applicant sees the"
                    + " receiver, the case reference and the purpose, chooses an NCP, and is sent there; the answer is"
                    + " verified against the registry and the expected person, normalised, and evaluated with the"
                    + " requirement profile.")
    @RequestBody(content = @Content(schema = @Schema(implementation = ReceiverApi.NewRequest.class)))
    @APIResponse(responseCode = "201", description = "Created; the applicant URL is in the body",
            content = @Content(schema = @Schema(implementation = ReceiverApi.Created.class)))
    @APIResponse(responseCode = "400", description = "A field is missing or wrong (code and message say which)")
    @APIResponse(responseCode = "401", description = "Missing or wrong token")
    @APIResponse(responseCode = "403", description = "A valid access token of no receiver's client, or without the"
            + " required scope")
    @APIResponse(responseCode = "503", description = "The identity provider that checks access tokens cannot be reached")
    public Response create(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
        return access.as(authorization, receiver -> {
            ReceiverApi.NewRequest request;
            try {
                request = body == null || body.length == 0 ? null : json.readValue(body, ReceiverApi.NewRequest.class);
            } catch (IOException e) {
                return ReceiverAccess.error(400, "body_invalid",
                        "The body is not the JSON of a results request (see /q/openapi)");
            }
            ReceiverApi.Created created = requests.create(receiver, request);
            return Response.created(URI.create(PATH + "/" + created.id())).entity(created).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A request: its status, answers, normalised results, evaluation and webhook deliveries")
    @APIResponse(responseCode = "200", description = "The request",
            content = @Content(schema = @Schema(implementation = ReceiverApi.RequestView.class)))
    @APIResponse(responseCode = "401", description = "Missing or wrong token")
    @APIResponse(responseCode = "404", description = "No such request of this receiver")
    public Response read(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return access.as(authorization, receiver -> requests.of(receiver, id)
                .map(r -> Response.ok(requests.view(r)).build()).orElseGet(ReceiverRequestResource::unknown));
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Cancel a request the case no longer needs; answers already received stay readable",
            description = "The body is a JSON object, {} will do.")
    @APIResponse(responseCode = "200", description = "The request, cancelled (or as it was, when already closed)")
    @APIResponse(responseCode = "404", description = "No such request of this receiver")
    public Response cancel(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id) {
        return access.as(authorization, receiver -> Response.ok(requests.view(requests.cancel(receiver, id))).build());
    }

    @GET
    @Path("{id}/answers/{answer}/document")
    @Produces(MediaType.APPLICATION_XML)
    @Operation(summary = "The signed ELMO document of an answer, exactly as its NCP signed it")
    @APIResponse(responseCode = "200", description = "The signed XML")
    @APIResponse(responseCode = "404", description = "No such request, answer or document")
    public Response document(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @PathParam("answer") String answerId) {
        return access.as(authorization, receiver -> answer(receiver, id, answerId).filter(a -> a.document != null)
                .map(a -> AnswerFiles.document(a, config.verify().maxDocumentBytes()))
                .orElseGet(ReceiverRequestResource::unknown));
    }

    @GET
    @Path("{id}/answers/{answer}/pdf")
    @Produces("application/pdf")
    @Operation(summary = "The PDF transcript an answer carried")
    @APIResponse(responseCode = "200", description = "The PDF")
    @APIResponse(responseCode = "404", description = "No such request, answer or PDF")
    public Response pdf(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @PathParam("id") String id,
            @PathParam("answer") String answerId) {
        return access.as(authorization, receiver -> answer(receiver, id, answerId).filter(a -> a.pdf != null)
                .map(AnswerFiles::pdf).orElseGet(ReceiverRequestResource::unknown));
    }

    @GET
    @Path("{id}/answers/{answer}/competence")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The competence evidence an answer carried, exactly as its provider signed it",
            description = "The JSON evidence format competence 1.0 (docs/competence.md), with the provider's"
                    + " X-Signature (a detached JWS over the exact body) as received.")
    @APIResponse(responseCode = "200", description = "The evidence")
    @APIResponse(responseCode = "404", description = "No such request, answer or evidence")
    public Response competence(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @PathParam("id") String id, @PathParam("answer") String answerId) {
        return access.as(authorization, receiver -> answer(receiver, id, answerId).filter(a -> a.competence != null)
                .map(AnswerFiles::competence).orElseGet(ReceiverRequestResource::unknown));
    }

    private Optional<ReceiverAnswer> answer(Receiver receiver, String id, String answerId) {
        return requests.of(receiver, id).flatMap(r -> Optional.ofNullable(
                ReceiverAnswer.<ReceiverAnswer>findById(answerId)).filter(a -> a.requestId.equals(r.id)));
    }

    private static Response unknown() {
        return ReceiverAccess.error(404, "request_unknown", "No such request (or answer) of this receiver");
    }
}
