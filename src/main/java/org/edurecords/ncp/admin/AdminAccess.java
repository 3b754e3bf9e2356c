package org.edurecords.ncp.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

/** The admin API's bearer-token check (ADR 0203) and its JSON error answers, for every admin resource. */
@ApplicationScoped
public class AdminAccess {

    private static final Logger LOG = Logger.getLogger(AdminAccess.class);

    @Inject
    NcpConfig config;

    /** @return the answer refusing the call: 404 while the API is off, 401 without the right token */
    Optional<Response> refuse(String authorization) {
        Optional<String> token = config.admin().token().filter(t -> !t.isBlank());
        if (token.isEmpty()) {
            return Optional.of(error(404, "The admin API is not enabled"));
        }
        String expected = "Bearer " + token.get();
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.trim().getBytes(StandardCharsets.UTF_8))) {
            LOG.warn("Admin call refused: missing or wrong token");
            return Optional.of(Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ncp-admin\"")
                    .entity(Map.of("error", "A valid admin token is required")).type(MediaType.APPLICATION_JSON).build());
        }
        return Optional.empty();
    }

    static Response error(int status, String message) {
        return Response.status(status).entity(Map.of("error", message)).type(MediaType.APPLICATION_JSON).build();
    }
}
