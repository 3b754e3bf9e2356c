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
import org.edurecords.ncp.transfer.FlowCookie;
import org.edurecords.ncp.transfer.TransferFlowService;
import org.edurecords.ncp.web.ErrorAnswers;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.PageContext;
import org.edurecords.ncp.web.RequestLimits;
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
    TransferFlowService flows;

    @Inject
    NcpConfig config;

    @Inject
    PageContext page;

    @Inject
    ErrorAnswers answers;

    @Inject
    RequestLimits limits;

    @Location("EmrexEntry/invalid.html")
    Template invalidPage;

    @Location("EmrexEntry/methodNotAllowed.html")
    Template methodNotAllowedPage;

    void register(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limits.limitFor(PATH, null))
                .setMergeFormAttributes(false);
        router.route(HttpMethod.POST, PATH).handler(body).blockingHandler(this::entry, false)
                .failureHandler(this::bodyFailed);
        router.route(PATH).blockingHandler(this::methodNotAllowed, false);
    }

    /** A body the body handler could not decode is an entry request we cannot read: the entry's own page. */
    void bodyFailed(RoutingContext ctx) {
        if (ErrorAnswers.clientErrorStatus(ctx) != 400 || ctx.response().ended()) {
            // Too large, too many fields, or our own failure: the service's common answer (web/FailureRoute).
            ctx.next();
            return;
        }
        withRequestContext(ctx, () -> unreadable(ctx, locale(ctx), ctx.failure() == null ? "no body"
                : ctx.failure().getClass().getSimpleName()));
    }

    private void unreadable(RoutingContext ctx, Locale locale, String reason) {
        LOG.warnf("EMREX entry refused: unreadable body (%s)", LogSafe.of(reason));
        refuse(ctx, locale, List.of("problem_body_unreadable"));
    }

    /** The entry's own page saying what is wrong; JSON for a client that asks for it, by the service's one rule. */
    private void refuse(RoutingContext ctx, Locale locale, List<String> problems) {
        if (ErrorAnswers.wantsJson(PATH, ctx.request().getHeader("Accept"))) {
            answers.sendJson(ctx, 400, "entry_invalid", ErrorAnswers.text("entry_invalid_title") + ": "
                    + String.join(" ", problems.stream().map(ErrorAnswers::text).toList()));
            return;
        }
        send(ctx, 400, invalidPage.data("problems", problems).setLocale(locale).render(), locale);
    }

    void entry(RoutingContext ctx) {
        withRequestContext(ctx, () -> {
            Locale locale = locale(ctx);
            if (ctx.body() == null) {
                unreadable(ctx, locale, "no body");
                return;
            }
            if (!FormBodies.wellFormed(ctx.request().getHeader("Content-Type"), ctx.body().buffer())) {
                // The decoder drops a last field it cannot decode; the client must hear that, not "missing".
                unreadable(ctx, locale, "not a well-formed UTF-8 form");
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
                LOG.warnf("EMREX entry refused: %s", validation.problems());
                refuse(ctx, locale, validation.problems());
                return;
            }
            TransferFlowService.NewFlow flow = flows.start(Emrex1Protocol.ID, validation.request().sessionId(),
                    validation.request().returnUrl().toString(), locale);
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
            if (ctx.response().ended()) {
                LOG.error("EMREX entry failed after its answer", e);
            } else if (!answers.answerUnavailable(ctx, e)) {
                LOG.error("EMREX entry failed", e);
                answers.send(ctx, 500, "error_internal", null);
            }
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private Locale locale(RoutingContext ctx) {
        Locale locale = ErrorAnswers.locale(ctx);
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
