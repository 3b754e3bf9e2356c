package org.edurecords.ncp.receiving;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.oidc.Tenant;
import io.quarkus.oidc.TenantIdentityProvider;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex.KnownReceivers;
import org.edurecords.ncp.emrex.Receiver;
import org.edurecords.ncp.web.ErrorPages;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.SecretTokens;

/**
 * Which receiver a call of the receivers' API comes from: the one whose {@code api-token} the bearer token is,
 * compared in constant time with every receiver's; else, with {@code ncp.receiving.oauth.enabled}, the one whose
 * {@code oauth-client-id} is the client of a valid access token of the {@code receiver-api} quarkus-oidc tenant
 * (ADR 0861). The product's JSON error answers for that API.
 */
@ApplicationScoped
public class ReceiverAccess {

    /** The quarkus-oidc tenant that checks the access tokens of case systems; never selected for HTTP requests. */
    public static final String OAUTH_TENANT = "receiver-api";

    private static final Logger LOG = Logger.getLogger(ReceiverAccess.class);
    private static final String REALM = "Bearer realm=\"ncp-receiver\"";

    @Inject
    KnownReceivers receivers;

    @Inject
    NcpConfig config;

    @Inject
    @Tenant(OAUTH_TENANT)
    TenantIdentityProvider oauthTokens;

    /** Two receivers with the same OAuth2 client: the service does not start, whatever the profile. */
    void check(@Observes StartupEvent event) {
        List<String> problems = KnownReceivers.sharedOAuthClients(receivers.all());
        if (!problems.isEmpty()) {
            String message = "Refusing to start: " + String.join("; ", problems);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    /**
     * Runs a call of the receivers' API as the receiver the bearer token belongs to: the 401 answer without a
     * valid one, 403 for a valid access token of no receiver (or without the required scope), 503 while the
     * identity provider cannot be asked, and the product's JSON error for a {@link ReceiverRequests.RequestProblem}
     * the call raises.
     */
    public Response as(String authorization, Function<Receiver, Response> call) {
        Receiver found = null;
        for (Receiver receiver : receivers.all()) {
            // Every token is compared, so the time taken does not tell which receivers have one.
            if (SecretTokens.isBearer(receiver.apiToken(), authorization) && found == null) {
                found = receiver;
            }
        }
        if (found == null) {
            String token = bearer(authorization);
            if (token != null && config.receiving().oauth().enabled() && looksLikeJwt(token)) {
                Caller caller = byAccessToken(token);
                if (caller.refusal != null) {
                    return caller.refusal;
                }
                found = caller.receiver;
            } else {
                LOG.warn("Receiver API call refused: missing or wrong token");
                return unauthorized(token != null, "A receiver's API token is required (Authorization: Bearer ...)");
            }
        }
        try {
            return call.apply(found);
        } catch (ReceiverRequests.RequestProblem e) {
            return error(e.status(), e.code(), e.getMessage());
        }
    }

    private record Caller(Receiver receiver, Response refusal) {
    }

    /** The receiver of a valid access token of the {@code receiver-api} tenant, or the answer that refuses it. */
    private Caller byAccessToken(String token) {
        NcpConfig.Receiving.OAuth oauth = config.receiving().oauth();
        SecurityIdentity identity;
        try {
            identity = oauthTokens.authenticate(new AccessTokenCredential(token)).await().atMost(oauth.timeout());
        } catch (AuthenticationFailedException e) {
            if (unreachable(e)) {
                return new Caller(null, unavailable(e));
            }
            LOG.warnf("Receiver API call refused: the access token is not valid (%s)", LogSafe.of(reason(e)));
            return new Caller(null, unauthorized(true, "The access token is not valid (expired, or not issued for this"
                    + " service by its identity provider)"));
        } catch (RuntimeException e) {
            // A timeout, or the tenant could not be set up (its identity provider's discovery or keys unreachable).
            return new Caller(null, unavailable(e));
        }
        if (!OAUTH_TENANT.equals(identity.getAttribute("tenant-id"))
                || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            LOG.warn("Receiver API call refused: the access token was not checked by the receivers' tenant");
            return new Caller(null, unauthorized(true, "The access token is not valid"));
        }
        Optional<String> scope = oauth.requiredScope().map(String::strip).filter(s -> !s.isEmpty());
        if (scope.isPresent() && !scopes(jwt).contains(scope.get())) {
            return new Caller(null, Response.fromResponse(error(403, "insufficient_scope",
                    "The access token does not carry the scope " + scope.get()))
                    .header(HttpHeaders.WWW_AUTHENTICATE, REALM + ", error=\"insufficient_scope\", scope=\""
                            + scope.get() + "\"").build());
        }
        String client = claim(jwt, oauth.clientIdClaim());
        if (client == null) {
            client = claim(jwt, "client_id");
        }
        Optional<Receiver> receiver = receivers.forOAuthClient(client);
        if (receiver.isEmpty()) {
            return new Caller(null, error(403, "client_unknown", "The access token's client is no receiver of this"
                    + " service (ncp.receivers.<id>.oauth-client-id)"));
        }
        return new Caller(receiver.get(), null);
    }

    private static Response unauthorized(boolean tokenSent, String message) {
        return Response.fromResponse(error(401, "token_invalid", message))
                .header(HttpHeaders.WWW_AUTHENTICATE, tokenSent ? REALM + ", error=\"invalid_token\"" : REALM).build();
    }

    private static Response unavailable(Throwable e) {
        LOG.warnf("Receiver API call not answered: the identity provider that checks access tokens cannot be asked"
                + " (%s)", LogSafe.of(reason(e)));
        return Response.fromResponse(error(503, "idp_unavailable", "The identity provider that checks access tokens"
                + " cannot be reached; try again later")).header("Retry-After", "30").build();
    }

    /** A failed check that is the identity provider's absence rather than the token's fault. */
    private static boolean unreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof io.quarkus.oidc.OIDCException
                    || t instanceof io.vertx.core.VertxException
                    || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
        }
        return false;
    }

    private static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** Three base64url parts: only such a token is worth asking the identity provider's keys about. */
    private static boolean looksLikeJwt(String token) {
        return token.length() < 16384 && token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    }

    private static String claim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof jakarta.json.JsonString s) {
            value = s.getString();
        }
        return value instanceof String s && !s.isBlank() ? s : null;
    }

    private static List<String> scopes(JsonWebToken jwt) {
        String scope = claim(jwt, "scope");
        return scope == null ? List.of() : Arrays.asList(scope.strip().split("\\s+"));
    }

    /** An error of the receivers' API; client errors are one WARN line, as every refusal of the service. */
    public static Response error(int status, String code, String message) {
        if (status != 401 && status < 500) {
            LOG.warnf("Receiver API call refused with %d: %s (%s)", status, code, LogSafe.of(message));
        }
        return Response.status(status).entity(new ErrorPages.ErrorBody(status, code, message))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
