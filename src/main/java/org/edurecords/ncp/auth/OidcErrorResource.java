package org.edurecords.ncp.auth;

import java.net.URI;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

/**
 * Where quarkus-oidc sends the browser when the provider answers the authorization request with an
 * error (quarkus.oidc.authentication.error-path). quarkus-oidc has already checked the state; the
 * query of the original login URL comes along, so a flow login carries its flow id here.
 */
@Path("/auth/oidc/error")
public class OidcErrorResource {

    private static final Logger LOG = Logger.getLogger(OidcErrorResource.class);

    @GET
    public Response error(@QueryParam("error") String error, @QueryParam("flow") String queryFlowId,
            @QueryParam("attempt") String queryAttempt, @CookieParam(OidcFailureRoute.FLOW_COOKIE) String cookie) {
        String flowId = queryFlowId;
        String attempt = queryAttempt;
        if (cookie != null && cookie.contains(".")) {
            flowId = flowId != null ? flowId : cookie.substring(0, cookie.indexOf('.'));
            attempt = attempt != null ? attempt : cookie.substring(cookie.indexOf('.') + 1);
        } else if (flowId == null) {
            flowId = cookie;
        }
        String code = error == null ? "" : error.replaceAll("[^A-Za-z0-9_.-]", "");
        if (code.length() > 64) {
            code = code.substring(0, 64);
        }
        // access_denied is what ID-porten, Feide and Keycloak answer when the person cancels.
        String reason = "access_denied".equals(code) ? "cancelled" : "failed";
        LOG.infof("OIDC login ended with error %s at the identity provider", code.isEmpty() ? "(none)" : code);
        if (flowId != null && flowId.matches("[A-Za-z0-9_-]{1,64}")) {
            // login/failed ends the flow only when the attempt's token matches the login this browser started.
            return Response.seeOther(URI.create(OidcFailureRoute.failedPath(flowId, attempt, reason))).build();
        }
        return Response.seeOther(URI.create("/my-results?login=" + reason)).build();
    }
}
