package org.edurecords.ncp.verify;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.ErrorPages;
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
    NcpConfig config;

    @Inject
    ObjectMapper json;

    void register(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(config.verify().maxRequestBytes())
                .setMergeFormAttributes(false);
        router.route(HttpMethod.POST, PATH).handler(body).blockingHandler(this::verify, false);
        router.route(PATH).handler(ctx -> {
            ctx.response().putHeader("Allow", "POST");
            error(ctx, 405, "method_not_allowed", "Use POST with JSON or a form");
        });
    }

    void verify(RoutingContext ctx) {
        try {
            if (ctx.failed() || ctx.body() == null) {
                error(ctx, 413, "body_unreadable", "The request body is unreadable or larger than "
                        + config.verify().maxRequestBytes() + " bytes");
                return;
            }
            String type = ctx.request().getHeader("Content-Type");
            type = type == null ? "" : type.toLowerCase(java.util.Locale.ROOT);
            VerifyRequest request;
            if (type.startsWith("application/json")) {
                try {
                    request = json.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                            .readValue(ctx.body().buffer().getBytes(), VerifyRequest.class);
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
                error(ctx, 415, "unsupported_media_type", "Send application/json or application/x-www-form-urlencoded");
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
        LOG.infof("POST %s refused with %d: %s", PATH, status, code);
        try {
            send(ctx, status, json.writeValueAsBytes(new ErrorPages.ErrorBody(status, code, message)));
        } catch (IOException e) {
            ctx.response().setStatusCode(500).end();
        }
    }

    private static void send(RoutingContext ctx, int status, byte[] body) {
        SecurityHeaders.DEFAULTS.forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(body));
    }
}
