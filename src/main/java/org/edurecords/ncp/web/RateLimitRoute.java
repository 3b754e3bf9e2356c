package org.edurecords.ncp.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * The flow-creation limit of the EMREX entry ({@code POST /emrex}), which is a plain Vert.x route and not
 * reached by {@link RateLimitFilter}. Registered on the same path with an order before every route of the
 * application and before authentication, so a refused request costs neither a body read nor a database row.
 */
@ApplicationScoped
public class RateLimitRoute {

    private static final Logger LOG = Logger.getLogger(RateLimitRoute.class);
    /** Before Quarkus' authentication (order -200) and every route registered without an order (0 and up). */
    static final int ORDER = -1_000;
    static final String ENTRY_PATH = "/emrex";

    @Inject
    RateLimits limits;

    @Inject
    PageContext page;

    void register(@Observes Router router) {
        router.route(HttpMethod.POST, ENTRY_PATH).order(ORDER).handler(this::entry);
    }

    void entry(RoutingContext ctx) {
        RateLimits.Decision decision = limits.take(RateLimits.Limit.FLOW_CREATION, ClientAddress.of(ctx.request()));
        if (decision.allowed()) {
            ctx.next();
            return;
        }
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Locale locale = locale(ctx);
            boolean json = ErrorAnswers.wantsJson(ctx.request().path(), ctx.request().getHeader("Accept"));
            SecurityHeaders.DEFAULTS.forEach((name, value) -> ctx.response().putHeader(name, value));
            ctx.response().putHeader(SecurityHeaders.CSP, SecurityHeaders.contentSecurityPolicy(null))
                    .putHeader("Retry-After", Long.toString(decision.retryAfterSeconds()))
                    .putHeader("Cache-Control", "no-store")
                    .setStatusCode(429);
            if (json) {
                ctx.response().putHeader("Content-Type", "application/json")
                        .end(Json.encode(new ErrorPages.ErrorBody(429, RateLimits.MESSAGE_KEY,
                                ErrorAnswers.text(RateLimits.MESSAGE_KEY))));
            } else {
                ctx.response().putHeader("Content-Type", "text/html; charset=UTF-8")
                        .putHeader("Content-Language", locale.toLanguageTag())
                        .end(RateLimits.page(locale));
            }
        } catch (RuntimeException e) {
            LOG.error("Rate limit refusal could not be rendered", e);
            if (!ctx.response().ended()) {
                ctx.response().setStatusCode(429).putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .end("Too many requests. Please try again later.");
            }
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /** The person's language as every page resolves it: parameter, then cookie, then Accept-Language. */
    private Locale locale(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(Languages.COOKIE);
        Locale locale = Languages.resolve(ctx.request().getParam(Languages.PARAMETER),
                cookie == null ? null : cookie.getValue(), ctx.request().getHeader("Accept-Language"));
        page.set(locale, null);
        return locale;
    }
}
