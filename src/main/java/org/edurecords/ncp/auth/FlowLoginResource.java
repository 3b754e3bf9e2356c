package org.edurecords.ncp.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import org.edurecords.ncp.web.RateLimited;
import org.edurecords.ncp.web.RateLimits;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The login of a transfer, EMREX 1.0 or 2.0 alike. The paths stay under the flow's own path, where the operators'
 * SAML service providers protect {@code …/login/header} and quarkus-oidc returns to {@code …/login/oidc} (ADR 0303).
 */
@Path("/emrex/flow/{flowId}/login")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class FlowLoginResource {

    @Inject
    LoginEndpoints logins;

    @Inject
    OidcSession oidcSession;

    @Inject
    @IdToken
    JsonWebToken idToken;

    private LoginPurpose flow() {
        return logins.purpose(LoginPurpose.FLOW);
    }

    private static LoginContext context(String flowId, HttpHeaders headers) {
        return new LoginContext(flowId, headers.getCookies());
    }

    @GET
    public Response page(@PathParam("flowId") String flowId, @Context HttpHeaders headers) {
        return logins.page(flow(), context(flowId, headers));
    }

    @POST
    @RateLimited(RateLimits.Limit.LOGIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response demo(@PathParam("flowId") String flowId, @Context HttpHeaders headers,
            @FormParam("username") String username, @FormParam("password") String password) {
        return logins.demo(flow(), context(flowId, headers), username, password);
    }

    @GET
    @RateLimited(RateLimits.Limit.LOGIN)
    @Path("oidc/start")
    public Response oidcStart(@PathParam("flowId") String flowId, @Context HttpHeaders headers) {
        return logins.oidcStart(flow(), context(flowId, headers));
    }

    /** Protected by quarkus-oidc: reached only after the code flow with the provider has completed. */
    @GET
    @Path("oidc")
    @Authenticated
    public Response oidcReturn(@PathParam("flowId") String flowId, @Context HttpHeaders headers) {
        return logins.oidcReturn(flow(), context(flowId, headers), idToken, oidcSession);
    }

    @GET
    @RateLimited(RateLimits.Limit.LOGIN)
    @Path("header")
    public Response header(@PathParam("flowId") String flowId, @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        return logins.header(flow(), context(flowId, headers), request);
    }

    /** Where the identity provider's error answer lands (via /auth/oidc/error). */
    @GET
    @Path("failed")
    public Response failed(@PathParam("flowId") String flowId, @Context HttpHeaders headers,
            @QueryParam("reason") String reason, @QueryParam("attempt") String attempt) {
        return logins.providerError(flow(), context(flowId, headers), reason, attempt);
    }
}
