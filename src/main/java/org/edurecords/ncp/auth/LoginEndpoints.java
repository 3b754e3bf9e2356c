package org.edurecords.ncp.auth;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.OidcSession;
import io.vertx.core.http.HttpServerRequest;
import org.edurecords.ncp.config.NcpConfig;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

/**
 * Every login method, run one way for every purpose: is it switched on, who is it (demo account, ID token, trusted
 * headers), which learner of the register is that; then the purpose says what follows. The endpoints that call it
 * only map URLs.
 */
@ApplicationScoped
public class LoginEndpoints {

    private static final Logger LOG = Logger.getLogger(LoginEndpoints.class);

    @Inject
    DemoLogin demo;

    @Inject
    OidcLogin oidc;

    @Inject
    HeaderLogin header;

    @Inject
    StudentLogins logins;

    @Inject
    NcpConfig config;

    @Inject
    @Any
    Instance<LoginPurpose> purposes;

    public LoginPurpose purpose(String id) {
        return purposes.stream().filter(p -> p.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalStateException("No login purpose " + id));
    }

    public Response page(LoginPurpose purpose, LoginContext context) {
        return purpose.guard(context, () -> purpose.page(context, null, "", 200));
    }

    public Response demo(LoginPurpose purpose, LoginContext context, String username, String password) {
        return purpose.guard(context, () -> {
            if (!demo.enabled()) {
                return purpose.unavailable(context, 403);
            }
            Optional<AuthenticatedStudent> student = demo.authenticate(username, password);
            if (student.isEmpty()) {
                LOG.infof("%s: demo login refused", describe(purpose, context));
                return purpose.demoRefused(context, username == null ? "" : username);
            }
            return purpose.identified(context, new Identity("demo", "demo", username, null, null, null),
                    Optional.of(student.get().learnerId()), null);
        });
    }

    /** The unprotected first step of an OIDC login: the purpose notes it, then the protected path takes over. */
    public Response oidcStart(LoginPurpose purpose, LoginContext context) {
        if (!oidc.enabled()) {
            return purpose.unavailable(context, 404);
        }
        return purpose.guard(context, () -> {
            String attempt = purpose.startAttempt(context);
            if (context.ref() == null) {
                return Response.seeOther(URI.create(purpose.loginPath(context) + "/oidc"))
                        .header("Set-Cookie", oidc.noFlowCookieHeader()).build();
            }
            return Response.seeOther(URI.create(oidc.protectedPath(context.ref(), attempt)))
                    .header("Set-Cookie", oidc.flowCookieHeader(context.ref(), attempt)).build();
        });
    }

    /** Reached only after quarkus-oidc completed the code flow: the ID token is read once, its session ended. */
    public Response oidcReturn(LoginPurpose purpose, LoginContext context, JsonWebToken idToken, OidcSession session) {
        Identity identity;
        LoginFailure failure = null;
        String hint = null;
        try {
            identity = oidc.identify(idToken);
            hint = config.auth().oidc().endSessionUrl().isPresent() ? idToken.getRawToken() : null;
        } catch (LoginFailure e) {
            identity = null;
            failure = e;
        } finally {
            oidc.endLocalSession(session);
        }
        return identified(purpose, context, identity, failure, hint);
    }

    /** Behind a SAML service provider that protects this path and passes the attributes as headers. */
    public Response header(LoginPurpose purpose, LoginContext context, HttpServerRequest request) {
        if (!header.enabled()) {
            return purpose.unavailable(context, 404);
        }
        Identity identity = null;
        LoginFailure failure = null;
        try {
            identity = header.identify(request);
        } catch (LoginFailure e) {
            failure = e;
        }
        if (failure != null && failure.kind() == LoginFailure.Kind.UNTRUSTED_SOURCE) {
            // Someone reached us around the service provider: refused, and a real login stays possible.
            return purpose.untrusted(context, failure);
        }
        return identified(purpose, context, identity, failure, null);
    }

    public Response providerError(LoginPurpose purpose, LoginContext context, String reason, String attempt) {
        return purpose.guard(context, () -> purpose.providerError(context, reason, attempt));
    }

    private Response identified(LoginPurpose purpose, LoginContext context, Identity identity, LoginFailure failure,
            String hint) {
        return purpose.guard(context, () -> {
            if (failure != null) {
                LOG.infof("%s: login failed (%s)", describe(purpose, context), failure.kind());
                return purpose.failed(context, failure);
            }
            return purpose.identified(context, identity, logins.learnerFor(identity), hint);
        });
    }

    private static String describe(LoginPurpose purpose, LoginContext context) {
        return context.ref() == null ? "Portal" : "Transfer " + context.ref();
    }
}
