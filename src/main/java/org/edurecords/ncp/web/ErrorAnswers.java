package org.edurecords.ncp.web;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * How every refused or failed request is answered, by the REST layer ({@link ErrorPages}) and by the plain
 * Vert.x routes alike: the product's error page in the visitor's language for a person, the product's JSON
 * ({@link ErrorPages.ErrorBody}) for a machine, one WARN line in the log for a client error.
 */
@ApplicationScoped
public class ErrorAnswers {

    private static final Logger LOG = Logger.getLogger(ErrorAnswers.class);

    /** Paths of the machine APIs: their errors are JSON whatever the client says it accepts. */
    private static final List<String> MACHINE_PATHS = List.of("/api/", "/admin/", "/oauth2/token", "/results", "/emrex2/");

    /** A path segment that looks like a random id (a flow, a share link): not written to the log. */
    private static final Pattern ID_SEGMENT = Pattern.compile("(?<=/)[A-Za-z0-9_-]{16,}(?=/|$)");

    @Inject
    PageContext page;

    @Inject
    ObjectMapper json;

    // --- the rules -----------------------------------------------------------------------------------

    /** A path of a machine API (JSON, bearer tokens), not of a page. */
    public static boolean isMachinePath(String path) {
        if (path != null) {
            for (String prefix : MACHINE_PATHS) {
                if (path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The one rule for "JSON for a machine, HTML for a person": JSON when the path is a machine API, or when
     * the client lists a JSON type explicitly in Accept (a wildcard does not count: browsers send one).
     */
    public static boolean wantsJson(String path, String accept) {
        if (isMachinePath(path)) {
            return true;
        }
        if (accept == null || accept.isBlank()) {
            return false;
        }
        for (String range : accept.split(",")) {
            try {
                MediaType type = MediaType.valueOf(range.trim());
                String quality = type.getParameters().get("q");
                if (type.isWildcardType() || (quality != null && Double.parseDouble(quality) == 0)) {
                    continue;
                }
                if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE) || type.getSubtype().endsWith("+json")) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // A malformed media range says nothing about JSON.
            }
        }
        return false;
    }

    /** The message key of the answer to a status. */
    public static String keyFor(int status) {
        return switch (status) {
            case 404 -> "error_not_found";
            case 405 -> "error_method";
            case 406 -> "error_not_acceptable";
            case 413 -> "error_too_large";
            case 415 -> "error_unsupported_media_type";
            default -> status >= 500 ? "error_internal" : "error_bad_request";
        };
    }

    /**
     * The English text of a message key without parameters (an {@code error_*} or {@code problem_*} key), for
     * machines and logs; an unknown key gives the general "bad request" text.
     */
    public static String text(String key) {
        Messages english = MessageBundles.get(Messages.class, Localized.Literal.of("en"));
        try {
            return (String) Messages.class.getMethod(key).invoke(english);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return english.error_bad_request();
        }
    }

    /** One WARN line for a request refused as the client's error, without a stack trace or request text as sent. */
    public static void logRefusal(String method, String path, int status, String reason) {
        LOG.warnf("%s %s refused with %d: %s", LogSafe.of(method), pathForLog(path), status, LogSafe.of(reason));
    }

    /** One WARN line for a request answered 503 because the database is away (no stack trace: readiness tells the rest). */
    public static void logUnavailable(String method, String path, String reason) {
        LOG.warnf("%s %s answered 503: the database cannot be reached (%s)", LogSafe.of(method), pathForLog(path),
                LogSafe.of(reason));
    }

    /** The path with random ids masked (a share link's id opens it) and request text escaped. */
    static String pathForLog(String path) {
        return path == null ? "?" : LogSafe.of(ID_SEGMENT.matcher(path).replaceAll("{id}"));
    }

    /** The error as the JSON bytes of {@link ErrorPages.ErrorBody}. */
    public byte[] jsonBody(int status, String error, String message) {
        try {
            return json.writeValueAsBytes(new ErrorPages.ErrorBody(status, error, message));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The English text of the key; a detail (may be null) for machines is added in brackets. */
    static String message(String key, String detail) {
        return detail == null ? text(key) : text(key) + " (" + detail + ")";
    }

    // --- plain Vert.x routes ---------------------------------------------------------------------------

    /** Refuses a request as the client's error: the log line, then the answer. */
    public void refuse(RoutingContext ctx, int status, String reason, String detail) {
        logRefusal(ctx.request().method().name(), ctx.request().path(), status, reason);
        send(ctx, status, keyFor(status), detail);
    }

    /** The status a failure of a plain route deserves as the client's error (400, 413, ...), or -1 when it is not one. */
    public static int clientErrorStatus(RoutingContext ctx) {
        return ClientFailures.of(ctx.statusCode(), ctx.failure()).map(ClientFailures.Refusal::status).orElse(-1);
    }

    /** Answers a failure of a plain route; {@code false} when it is not one to answer here (e.g. a login challenge). */
    public boolean answerFailure(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return false;
        }
        ClientFailures.Refusal refusal = ClientFailures.of(ctx.statusCode(), ctx.failure()).orElse(null);
        if (refusal != null) {
            refuse(ctx, refusal.status(), refusal.reason(), null);
            return true;
        }
        if (!ClientFailures.isServerFailure(ctx.statusCode(), ctx.failure())) {
            return false;
        }
        if (answerUnavailable(ctx, ctx.failure())) {
            return true;
        }
        if (clientWentAway(ctx.failure())) {
            // Nobody is left to answer, and nothing of ours failed: the client closed the connection mid-request.
            LOG.infof("%s %s: the client closed the connection before the request was read",
                    LogSafe.of(ctx.request().method().name()), pathForLog(ctx.request().path()));
            return true;
        }
        LOG.errorf(ctx.failure(), "%s %s failed", LogSafe.of(ctx.request().method().name()),
                pathForLog(ctx.request().path()));
        send(ctx, 500, "error_internal", null);
        return true;
    }

    /** Answers 503 with Retry-After when the failure is the database being away; {@code false} otherwise. */
    public boolean answerUnavailable(RoutingContext ctx, Throwable failure) {
        var away = DatabaseUnavailable.reason(failure);
        if (away.isEmpty()) {
            return false;
        }
        logUnavailable(ctx.request().method().name(), ctx.request().path(), away.get());
        ctx.response().putHeader("Retry-After", String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
        send(ctx, 503, DatabaseUnavailable.MESSAGE_KEY, null);
        return true;
    }

    private static boolean clientWentAway(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    /** The product's error answer on a plain route: JSON or the page, by {@link #wantsJson}. */
    public void send(RoutingContext ctx, int status, String key, String detail) {
        if (wantsJson(ctx.normalizedPath(), ctx.request().getHeader("Accept"))) {
            sendJson(ctx, status, key, message(key, detail));
            return;
        }
        Locale locale = locale(ctx);
        String html = inRequestContext(() -> {
            page.set(locale, null);
            return ErrorPages.Templates.error(status, key).setLocale(locale).render();
        });
        sendPage(ctx, status, locale, html);
    }

    /** A rendered page and its status, for {@link #servePage}. */
    public record Page(int status, String html) {
    }

    /**
     * Answers a plain route (an EMREX return URL: outside the REST layer and its CSRF filter) with a page: in a
     * request context, in the reader's language; a failure is logged with the given words and answered with the
     * product's error page, never a stack trace.
     */
    public void servePage(RoutingContext ctx, String failure, java.util.function.Function<Locale, Page> render) {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            Locale locale = locale(ctx);
            page.set(locale, null);
            Page answer = render.apply(locale);
            sendPage(ctx, answer.status(), locale, answer.html());
        } catch (RuntimeException e) {
            if (!answerUnavailable(ctx, e)) {
                LOG.error(failure, e);
            }
        } finally {
            requestContext.terminate();
        }
        if (!ctx.response().ended()) {
            send(ctx, 500, "error_internal", null);
        }
    }

    /** A page of the product on a plain route: its security headers, never cached, in the reader's language. */
    public static void sendPage(RoutingContext ctx, int status, Locale locale, String html) {
        headers(ctx);
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "text/html; charset=UTF-8")
                .putHeader("Content-Language", locale.toLanguageTag())
                .end(html);
    }

    /** A JSON error with a code of its own (e.g. the verify API's {@code elmo_missing}). */
    public void sendJson(RoutingContext ctx, int status, String error, String message) {
        headers(ctx);
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(io.vertx.core.buffer.Buffer.buffer(jsonBody(status, error, message)));
    }

    private static void headers(RoutingContext ctx) {
        SecurityHeaders.DEFAULTS.forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response().putHeader(SecurityHeaders.CSP, SecurityHeaders.contentSecurityPolicy(null))
                .putHeader("Cache-Control", "no-store");
    }

    /** The visitor's language as the pages resolve it; a query that cannot be decoded is simply not used. */
    public static Locale locale(RoutingContext ctx) {
        String parameter;
        try {
            parameter = ctx.request().query() == null ? null : ctx.queryParams().get(Languages.PARAMETER);
        } catch (RuntimeException e) {
            parameter = null;
        }
        Cookie cookie = ctx.request().getCookie(Languages.COOKIE);
        return Languages.resolve(parameter, cookie == null ? null : cookie.getValue(),
                ctx.request().getHeader("Accept-Language"));
    }

    private static <T> T inRequestContext(java.util.function.Supplier<T> work) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            return work.get();
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
