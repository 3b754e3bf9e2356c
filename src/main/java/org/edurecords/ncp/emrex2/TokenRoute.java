package org.edurecords.ncp.emrex2;

import java.util.LinkedHashMap;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.edurecords.ncp.web.ErrorAnswers;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.RequestLimits;
import org.edurecords.ncp.web.SecurityHeaders;
import org.jboss.logging.Logger;

/**
 * The EMREX 2.0 token endpoint ({@code POST /oauth2/token}, RFC 6749 §4.1.3 with {@code private_key_jwt}, RFC
 * 7523). A machine posts it cross-site with no CSRF token, so it is a plain Vert.x route outside the CSRF-protected
 * REST layer, as the EMREX 1.0 entry is (ADR 0001). Every answer is OAuth2 JSON with {@code Cache-Control: no-store}.
 */
@ApplicationScoped
public class TokenRoute {

    private static final Logger LOG = Logger.getLogger(TokenRoute.class);
    static final String GRANT = "authorization_code";

    @Inject
    ClientAssertions assertions;

    @Inject
    Tokens tokens;

    @Inject
    ObjectMapper json;

    @Inject
    RequestLimits limits;

    void register(@Observes Router router) {
        BodyHandler body = BodyHandler.create(false).setBodyLimit(limits.limitFor(Emrex2Endpoints.TOKEN, null))
                .setMergeFormAttributes(false);
        router.route(HttpMethod.POST, Emrex2Endpoints.TOKEN).handler(body).blockingHandler(this::token, false)
                .failureHandler(this::bodyFailed);
        router.route(Emrex2Endpoints.TOKEN).handler(ctx -> {
            ctx.response().putHeader("Allow", "POST");
            answer(ctx, 405, error("invalid_request", "use POST"));
        });
    }

    void bodyFailed(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        int status = ErrorAnswers.clientErrorStatus(ctx);
        if (status == 400) {
            answer(ctx, 400, error("invalid_request", "the body is not a readable form"));
            return;
        }
        ctx.next();
    }

    void token(RoutingContext ctx) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            answer(ctx, 200, issue(ctx));
        } catch (OAuthError e) {
            LOG.warnf("EMREX 2.0 token request refused with %d %s: %s", e.status(), e.error(), e.getMessage());
            if (e.status() == 401) {
                ctx.response().putHeader("WWW-Authenticate", "Bearer error=\"" + e.error() + "\"");
            }
            answer(ctx, e.status(), error(e.error(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("EMREX 2.0 token request failed", e);
            answer(ctx, 500, error("server_error", "the token could not be issued"));
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private Map<String, Object> issue(RoutingContext ctx) throws OAuthError {
        String type = ctx.request().getHeader("Content-Type");
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            throw OAuthError.invalidRequest("the body must be application/x-www-form-urlencoded");
        }
        MultiMap form = ctx.request().formAttributes();
        for (String name : form.names()) {
            if (form.getAll(name).size() > 1) {
                throw OAuthError.invalidRequest("parameter " + LogSafe.of(name) + " is repeated");
            }
        }
        String grant = required(form, "grant_type");
        if (!GRANT.equals(grant)) {
            throw new OAuthError(400, "unsupported_grant_type", "only grant_type=authorization_code is supported");
        }
        if (!ClientAssertions.TYPE.equals(required(form, "client_assertion_type"))) {
            throw OAuthError.invalidRequest("client_assertion_type must be " + ClientAssertions.TYPE);
        }
        String assertion = required(form, "client_assertion");
        String code = required(form, "code");
        String redirectUri = required(form, "redirect_uri");
        String verifier = required(form, "code_verifier");
        RegisteredClient client = assertions.verify(assertion, form.get("client_id"));
        Tokens.Issued issued = tokens.redeem(client, code, redirectUri, verifier);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("access_token", issued.accessToken());
        answer.put("token_type", "Bearer");
        answer.put("expires_in", issued.expiresIn());
        answer.put("scope", issued.scope());
        return answer;
    }

    private static String required(MultiMap form, String name) throws OAuthError {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw OAuthError.invalidRequest(name + " is missing");
        }
        if (value.length() > 16384) {
            throw OAuthError.invalidRequest(name + " is too long");
        }
        return value;
    }

    static Map<String, Object> error(String error, String description) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return body;
    }

    private void answer(RoutingContext ctx, int status, Map<String, Object> body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        SecurityHeaders.DEFAULTS.forEach((name, value) -> ctx.response().putHeader(name, value));
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache").end(Buffer.buffer(bytes));
    }

}
