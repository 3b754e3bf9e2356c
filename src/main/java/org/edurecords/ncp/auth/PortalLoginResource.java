package org.edurecords.ncp.auth;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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

/** The login of the portal (My results); the same methods as a transfer's, run by {@link LoginEndpoints}. */
@Path("/my-results/login")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PortalLoginResource {

    @Inject
    LoginEndpoints logins;

    @Inject
    OidcSession oidcSession;

    @Inject
    @IdToken
    JsonWebToken idToken;

    private LoginPurpose portal() {
        return logins.purpose(LoginPurpose.PORTAL);
    }

    private static LoginContext context(HttpHeaders headers) {
        return new LoginContext(null, headers.getCookies());
    }

    @POST
    @RateLimited(RateLimits.Limit.LOGIN)
    @Path("demo")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response demo(@Context HttpHeaders headers, @FormParam("username") String username,
            @FormParam("password") String password) {
        return logins.demo(portal(), context(headers), username, password);
    }

    @GET
    @RateLimited(RateLimits.Limit.LOGIN)
    @Path("oidc/start")
    public Response oidcStart(@Context HttpHeaders headers) {
        return logins.oidcStart(portal(), context(headers));
    }

    /** Protected by quarkus-oidc: reached only after the code flow with the provider has completed. */
    @GET
    @Path("oidc")
    @Authenticated
    public Response oidcReturn(@Context HttpHeaders headers) {
        return logins.oidcReturn(portal(), context(headers), idToken, oidcSession);
    }

    @GET
    @RateLimited(RateLimits.Limit.LOGIN)
    @Path("header")
    public Response header(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        return logins.header(portal(), context(headers), request);
    }
}
