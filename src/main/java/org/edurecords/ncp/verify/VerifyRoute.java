package org.edurecords.ncp.verify;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.edurecords.ncp.web.ErrorAnswers;
import org.edurecords.ncp.web.RequestLimits;
import org.edurecords.ncp.web.SecurityHeaders;
import org.jboss.logging.Logger;

/**
 * {@code POST /api/verify}, for receiving systems: JSON or an HTML form with the fields of {@link VerifyRequest}.
 * A plain route like the EMREX entry, because it is a stateless machine API without cookies: CSRF tokens do
 * not apply, and its body limit must fit an ELMO value with a PDF.
 */
@ApplicationScoped
public class VerifyRoute {

    private static final Logger LOG = Logger.getLogger(VerifyRoute.class);
    public static final String PATH = "/api/verify";

    @Inject
    VerificationService verifier;

    @Inject
    ObjectMapper json;

    @Inject
    ErrorAnswers answers;

    @Inject
    RequestLimits limits;

    @Inject
    VerifyPermits permits;

    void register(@Observes Router router) {
        // A body the handler cannot decode, or one with too many fields, is answered by web/FailureRoute.
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limits.limitFor(PATH, null))
                .setMergeFormAttributes(false);
        // Its own route, before the body's (a body handler must come first in a route).
        router.route(HttpMethod.POST, PATH).handler(this::admit);
        router.route(HttpMethod.POST, PATH).handler(body).blockingHandler(this::verify, false);
        // The verification page for people takes the same slots, also before its body is read; then Quarkus REST.
        router.route(HttpMethod.POST, VerificationPageResource.PATH).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 2)
                .handler(this::admitPage);
        router.route(PATH).handler(ctx -> {
            ctx.response().putHeader("Allow", "POST");
            answers.refuse(ctx, 405, "method not allowed", "use POST with JSON or a form");
        });
    }

    /** Before the body is read: a free verification slot, or 503 at once. */
    void admit(RoutingContext ctx) {
        if (!permits.admit(ctx)) {
            ctx.response().putHeader("Retry-After", "2");
            answers.sendJson(ctx, 503, "busy", "Too many verifications at once; try again in a moment");
            return;
        }
        ctx.next();
    }

    /** A person is told on the product's page, in their language, to try again in a moment. */
    void admitPage(RoutingContext ctx) {
        if (!permits.admit(ctx)) {
            ctx.response().putHeader("Retry-After", "2");
            ErrorAnswers.logRefusal("POST", VerificationPageResource.PATH, 503, "too many verifications at once");
            answers.send(ctx, 503, "verification_busy", null);
            return;
        }
        ctx.next();
    }

    void verify(RoutingContext ctx) {
        try {
            String type = ctx.request().getHeader("Content-Type");
            type = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
            VerifyRequest request;
            if (type.startsWith("application/json")) {
                byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0]
                        : ctx.body().buffer().getBytes();
                try {
                    request = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                            .readValue(body, VerifyRequest.class);
                } catch (IOException e) {
                    error(ctx, 400, "json_invalid", "The body is not a JSON object with the fields elmo, givenNames,"
                            + " familyName, birthDate, ncp");
                    return;
                }
            } else if (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/form-data")) {
                MultiMap form = ctx.request().formAttributes();
                request = new VerifyRequest(form.get("elmo"), form.get("givenNames"), form.get("familyName"),
                        form.get("birthDate"), form.get("ncp"));
            } else {
                answers.refuse(ctx, 415, "content type " + type, "send application/json or application/x-www-form-urlencoded");
                return;
            }
            if (request == null || request.elmo() == null || request.elmo().isEmpty()) {
                error(ctx, 400, "elmo_missing", "The field elmo (the value as received from the NCP) is required");
                return;
            }
            send(ctx, 200, json.writeValueAsBytes(verifier.verify(request)));
        } catch (IOException | RuntimeException e) {
            LOG.error("Verification failed unexpectedly", e);
            error(ctx, 500, "error_internal", "The document could not be verified because of an internal error");
        }
    }

    private void error(RoutingContext ctx, int status, String code, String message) {
        if (status < 500) {
            ErrorAnswers.logRefusal("POST", PATH, status, code);
        }
        answers.sendJson(ctx, status, code, message);
    }

    private static void send(RoutingContext ctx, int status, byte[] body) {
        SecurityHeaders.DEFAULTS.forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
