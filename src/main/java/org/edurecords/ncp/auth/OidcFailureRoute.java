package org.edurecords.ncp.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.security.AuthenticationCompletionException;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * When quarkus-oidc cannot complete a login (the provider is down, the token exchange fails, the
 * state does not match) it ends the request with an empty 401. These handlers turn that into the
 * right next step instead: the EMREX flow answers NCP_ERROR, the portal shows a clear message.
 * The flow is known from the login path itself or, at the callback, from a short-lived cookie set
 * when the login started.
 */
@ApplicationScoped
public class OidcFailureRoute {

    private static final Logger LOG = Logger.getLogger(OidcFailureRoute.class);
    static final String FLOW_COOKIE = "ncp-oidc-flow";
    static final String CALLBACK_PATH = "/auth/oidc/callback";
    private static final String FLOW_ID = "[A-Za-z0-9_-]{1,64}";
    static final String TOKEN = "[A-Za-z0-9_-]{1,64}";

    void register(@Observes Router router) {
        router.routeWithRegex("/emrex/flow/(" + FLOW_ID + ")/login/oidc").failureHandler(ctx -> failed(ctx, ctx.pathParam("param0")));
        router.route("/my-results/login/oidc").failureHandler(ctx -> failed(ctx, null));
        router.route(CALLBACK_PATH).failureHandler(ctx -> {
            Cookie cookie = ctx.request().getCookie(FLOW_COOKIE);
            failed(ctx, cookie == null ? null : cookie.getValue());
        });
    }

    /** The failed-login address of a flow, with the login attempt's token when it is known. */
    static String failedPath(String flowId, String attempt, String reason) {
        String path = "/emrex/flow/" + flowId + "/login/failed?reason=" + reason;
        return attempt != null && attempt.matches(TOKEN) ? path + "&attempt=" + attempt : path;
    }

    private void failed(RoutingContext ctx, String flowAndAttempt) {
        // Only a code flow that could not be completed; other authentication failures are the normal
        // challenge that sends the browser to the provider.
        if (!(ctx.failure() instanceof AuthenticationCompletionException)) {
            ctx.next();
            return;
        }
        LOG.warnf("OIDC login could not be completed: %s", ctx.failure().getClass().getSimpleName());
        String flowId = flowAndAttempt;
        String attempt = ctx.request().getParam("attempt");
        if (flowAndAttempt != null && flowAndAttempt.contains(".")) {
            flowId = flowAndAttempt.substring(0, flowAndAttempt.indexOf('.'));
            attempt = flowAndAttempt.substring(flowAndAttempt.indexOf('.') + 1);
        }
        String target = flowId != null && flowId.matches(FLOW_ID)
                ? failedPath(flowId, attempt, "unavailable")
                : "/my-results?login=failed";
        ctx.response().setStatusCode(303).putHeader("Location", target).putHeader("Cache-Control", "no-store").end();
    }

    /** Forgets any flow noted earlier, for a portal login in a browser that also ran a transfer. */
    public static Cookie noFlowCookie(boolean secure) {
        return flowCookie("", secure).setMaxAge(0);
    }

    /** Remembers which flow (and login attempt) a login belongs to, for the callback that no longer carries the flow path. */
    public static Cookie flowCookie(String flowAndAttempt, boolean secure) {
        return Cookie.cookie(FLOW_COOKIE, flowAndAttempt).setPath("/auth/oidc").setHttpOnly(true).setSecure(secure)
                .setSameSite(CookieSameSite.LAX).setMaxAge(15 * 60);
    }
}
