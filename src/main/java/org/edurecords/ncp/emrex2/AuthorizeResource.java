package org.edurecords.ncp.emrex2;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.transfer.FlowCookie;
import org.edurecords.ncp.transfer.TransferFlowService;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.PageContext;
import org.edurecords.ncp.web.RateLimited;
import org.edurecords.ncp.web.RateLimits;
import org.jboss.logging.Logger;

/**
 * The EMREX 2.0 authorization endpoint ({@code GET /oauth2/authorize}, RFC 6749 §4.1.1 with PKCE, RFC 7636). A
 * request from an unknown client or with a redirect URI the client did not register gets our error page and is
 * never redirected (§4.1.2.1); any other error goes back to the client as {@code error=…&state=…}. A good request
 * starts a transfer on the same pages as EMREX 1.0.
 */
@Path(Emrex2Endpoints.AUTHORIZE)
public class AuthorizeResource {

    private static final Logger LOG = Logger.getLogger(AuthorizeResource.class);
    /** A S256 challenge is BASE64URL(SHA-256(verifier)) without padding: 43 characters. */
    private static final Pattern S256_CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final int MAX_STATE = 256;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance refused(String reasonKey);
    }

    @Inject
    ClientRegistry clients;

    @Inject
    TransferFlowService flows;

    @Inject
    NcpConfig config;

    @Inject
    PageContext page;

    @Inject
    Clock clock;

    @GET
    @RateLimited(RateLimits.Limit.FLOW_CREATION)
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response authorize(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Optional<RegisteredClient> client = clients.find(single(query, "client_id"));
        if (client.isEmpty()) {
            LOG.warnf("EMREX 2.0 authorization refused: unknown client %s", LogSafe.of(single(query, "client_id")));
            return refused("emrex2_refused_unknownClient");
        }
        String redirectUri = single(query, "redirect_uri");
        if (redirectUri == null || !client.get().redirectUris().contains(redirectUri)) {
            LOG.warnf("EMREX 2.0 authorization refused: redirect_uri not registered for client %s",
                    LogSafe.of(client.get().clientId()));
            return refused("emrex2_refused_redirect");
        }
        String state = single(query, "state");
        String problem = problem(query, state);
        if (problem != null) {
            String error = problem.substring(0, problem.indexOf(':'));
            String description = problem.substring(problem.indexOf(':') + 1).strip();
            LOG.warnf("EMREX 2.0 authorization of client %s refused: %s", LogSafe.of(client.get().clientId()),
                    description);
            Map<String, String> answer = new LinkedHashMap<>();
            answer.put("error", error);
            answer.put("error_description", description);
            answer.put("state", state != null && state.length() <= MAX_STATE ? state : null);
            return Response.seeOther(URI.create(Emrex2Protocol.withQuery(redirectUri, answer)))
                    .header("Cache-Control", "no-store").build();
        }
        TransferFlowService.NewFlow flow = start(client.get(), redirectUri, state, single(query, "code_challenge"),
                scope(query));
        return Response.seeOther(URI.create("/emrex/flow/" + flow.session().id + "/login"))
                .header("Set-Cookie", FlowCookie.of(flow.session().id, flow.browserSecret(), config).encode())
                .header("Cache-Control", "no-store").build();
    }

    @Transactional
    TransferFlowService.NewFlow start(RegisteredClient client, String redirectUri, String state, String challenge,
            String scope) {
        TransferFlowService.NewFlow flow = flows.start(Emrex2Protocol.ID, state, redirectUri, page.locale());
        Emrex2Authorization authorization = new Emrex2Authorization();
        authorization.flowId = flow.session().id;
        authorization.clientId = client.clientId();
        authorization.redirectUri = redirectUri;
        authorization.codeChallenge = challenge;
        authorization.scope = scope;
        authorization.createdAt = clock.instant();
        authorization.persist();
        return flow;
    }

    /** The first problem of a request from a known client to a registered redirect URI, as "error: description". */
    private static String problem(MultivaluedMap<String, String> query, String state) {
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (parameter.getValue().size() > 1) {
                return "invalid_request: parameter " + safeName(parameter.getKey()) + " is repeated";
            }
        }
        String responseType = single(query, "response_type");
        if (responseType == null) {
            return "invalid_request: response_type is missing";
        }
        if (!"code".equals(responseType)) {
            return "unsupported_response_type: only response_type=code is supported";
        }
        if (state == null || state.isEmpty()) {
            return "invalid_request: state is required";
        }
        if (state.length() > MAX_STATE) {
            return "invalid_request: state is longer than " + MAX_STATE + " characters";
        }
        String method = single(query, "code_challenge_method");
        String challenge = single(query, "code_challenge");
        if (challenge == null) {
            return "invalid_request: code_challenge is required (PKCE, S256)";
        }
        if (!"S256".equals(method)) {
            return "invalid_request: code_challenge_method must be S256";
        }
        if (!S256_CHALLENGE.matcher(challenge).matches()) {
            return "invalid_request: code_challenge is not a S256 challenge";
        }
        String scope = single(query, "scope");
        if (scope != null && !scope.isBlank()) {
            for (String wanted : scope.strip().split(" +")) {
                if (!Emrex2Endpoints.EVIDENCE_TYPES.contains(wanted)) {
                    return "invalid_scope: scope " + safeName(wanted) + " is not offered; offered: "
                            + String.join(" ", Emrex2Endpoints.EVIDENCE_TYPES);
                }
            }
        }
        return null;
    }

    /** The consented scope: what was asked, or everything offered when nothing was. */
    private static String scope(MultivaluedMap<String, String> query) {
        String scope = single(query, "scope");
        if (scope == null || scope.isBlank()) {
            return String.join(" ", Emrex2Endpoints.EVIDENCE_TYPES);
        }
        return String.join(" ", Arrays.stream(scope.strip().split(" +")).distinct().toList());
    }

    private static String single(MultivaluedMap<String, String> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9_.:-]", "?").substring(0, Math.min(name.length(), 64));
    }

    private Response refused(String reasonKey) {
        return page.html(Templates.refused(reasonKey), 400);
    }
}
