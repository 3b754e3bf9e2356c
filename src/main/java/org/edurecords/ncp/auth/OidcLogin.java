package org.edurecords.ncp.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.OidcSession;
import org.edurecords.ncp.config.NcpConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * OpenID Connect authorization code flow (with PKCE) through quarkus-oidc. The login endpoints are
 * protected paths: quarkus-oidc sends the browser to the provider with state and nonce, completes the
 * code flow at the callback path and returns the browser to the endpoint it asked for, with the
 * EMREX flow id in that path. We then read the ID token once and end quarkus-oidc's own session:
 * from there on our flow or portal session is the only session.
 */
@ApplicationScoped
public class OidcLogin implements LoginMethod {

    private static final Logger LOG = Logger.getLogger(OidcLogin.class);

    @Inject
    NcpConfig config;

    @Override
    public String id() {
        return "oidc";
    }

    @Override
    public boolean enabled() {
        return config.auth().oidc().enabled();
    }

    @Override
    public String displayName() {
        return config.auth().oidc().displayName();
    }

    /** The unprotected first step: it notes the flow for the callback, then enters the protected path. */
    @Override
    public String loginPath(String flowId) {
        return "/emrex/flow/" + flowId + "/login/oidc/start";
    }

    /**
     * The protected path; the flow id and the login attempt's token are repeated as query parameters because
     * quarkus-oidc hands only the query to the error path.
     */
    public String protectedPath(String flowId, String attempt) {
        return "/emrex/flow/" + flowId + "/login/oidc?flow=" + flowId + "&attempt=" + attempt;
    }

    /** The cookie that tells the callback's failure handler which flow (and which login attempt) a login belongs to. */
    public String flowCookieHeader(String flowId, String attempt) {
        return OidcFailureRoute.flowCookie(flowId + "." + attempt, config.auth().session().secureCookie()).encode();
    }

    /** Clears that cookie when a portal login starts, so a failure is not blamed on an old transfer. */
    public String noFlowCookieHeader() {
        return OidcFailureRoute.noFlowCookie(config.auth().session().secureCookie()).encode();
    }

    @Override
    public String portalLoginPath() {
        return "/my-results/login/oidc/start";
    }

    public Identity identify(JsonWebToken idToken) throws LoginFailure {
        if (idToken == null || idToken.getRawToken() == null) {
            throw new LoginFailure(LoginFailure.Kind.PROVIDER_ERROR, "The identity provider returned no ID token.");
        }
        return Attributes.fromOidc(config.auth().oidc(), name -> {
            Object value = idToken.getClaim(name);
            return value == null ? null : value.toString();
        });
    }

    /** Ends quarkus-oidc's local session cookie; the provider's own session is left alone. */
    public void endLocalSession(OidcSession session) {
        try {
            session.logout().await().indefinitely();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the OIDC session cookie", e);
        }
    }
}
