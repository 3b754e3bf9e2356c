package org.edurecords.ncp.emrex;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.Languages;
import org.edurecords.ncp.web.PageContext;
import org.edurecords.ncp.web.SecurityHeaders;
import org.jboss.logging.Logger;

/**
 * The EMREX entry point, {@code POST /emrex}. The client's page posts here cross-site, so this route
 * cannot carry our CSRF token; it is served as a plain Vert.x route outside the CSRF-protected REST
 * layer. It only stores the request and redirects; nothing is disclosed before the student logs in.
 */
@ApplicationScoped
public class EmrexEntryRoute {

    private static final Logger LOG = Logger.getLogger(EmrexEntryRoute.class);
    public static final String PATH = "/emrex";

    @Inject
    EntryRequestValidator validator;

    @Inject
    EmrexFlowService flows;

    @Inject
    NcpConfig config;

    @Inject
    PageContext page;

    @Location("EmrexEntry/invalid.html")
    Template invalidPage;

    @Location("EmrexEntry/methodNotAllowed.html")
    Template methodNotAllowedPage;

    void register(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(64 * 1024).setMergeFormAttributes(false);
        router.route(HttpMethod.POST, PATH).handler(body).blockingHandler(this::entry, false);
        router.route(PATH).blockingHandler(this::methodNotAllowed, false);
    }

    void entry(RoutingContext ctx) {
        withRequestContext(ctx, () -> {
            Locale locale = locale(ctx);
            if (ctx.failed() || ctx.body() == null) {
                LOG.info("EMREX entry refused: unreadable body");
                send(ctx, 400, invalidPage.data("problems", List.of("problem_body_unreadable")).setLocale(locale).render(), locale);
                return;
            }
            Map<String, List<String>> parameters = new LinkedHashMap<>();
            MultiMap form = ctx.request().formAttributes();
            for (String name : form.names()) {
                parameters.put(name, new ArrayList<>(form.getAll(name)));
            }
            EntryValidation validation = validator.validate(parameters);
            if (!validation.isValid()) {
                // The reasons are our own message keys, never the received values.
                LOG.infof("EMREX entry refused: %s", validation.problems());
                send(ctx, 400, invalidPage.data("problems", validation.problems()).setLocale(locale).render(), locale);
                return;
            }
            EmrexFlowService.NewFlow flow = flows.start(validation.request(), locale);
            String flowPath = "/emrex/flow/" + flow.session().id;
            Cookie cookie = FlowCookie.of(flow.session().id, flow.browserSecret(), config);
            ctx.response().addCookie(cookie);
            applyHeaders(ctx);
            ctx.response().setStatusCode(303).putHeader("Location", flowPath + "/login").end();
        });
    }

    void methodNotAllowed(RoutingContext ctx) {
        withRequestContext(ctx, () -> {
            Locale locale = locale(ctx);
            ctx.response().putHeader("Allow", "POST");
            send(ctx, 405, methodNotAllowedPage.instance().setLocale(locale).render(), locale);
        });
    }

    private void withRequestContext(RoutingContext ctx, Runnable work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.error("EMREX entry failed", e);
            if (!ctx.response().ended()) {
                applyHeaders(ctx);
                ctx.response().setStatusCode(500).putHeader("Content-Type", "text/plain; charset=UTF-8")
                        .end("The request could not be processed. Please try again later.");
            }
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private Locale locale(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(Languages.COOKIE);
        Locale locale = Languages.resolve(ctx.request().getParam(Languages.PARAMETER),
                cookie == null ? null : cookie.getValue(), ctx.request().getHeader("Accept-Language"));
        page.set(locale, null);
        return locale;
    }

    private static void send(RoutingContext ctx, int status, String html, Locale locale) {
        applyHeaders(ctx);
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=UTF-8")
                .putHeader("Content-Language", locale.toLanguageTag())
                .putHeader("Cache-Control", "no-store")
                .end(html);
    }

    private static void applyHeaders(RoutingContext ctx) {
        SecurityHeaders.DEFAULTS.forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response().putHeader(SecurityHeaders.CSP, SecurityHeaders.contentSecurityPolicy(null));
    }
}
