package org.edurecords.ncp.admin;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.ErrorPages;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.SecretTokens;
import org.jboss.logging.Logger;

/**
 * The admin API's bearer-token check (ADR 0203) and its JSON error answers, for every admin resource: the
 * product's JSON error ({@link ErrorPages.ErrorBody}) with a code a script can test and a message for its operator.
 */
@ApplicationScoped
public class AdminAccess {

    private static final Logger LOG = Logger.getLogger(AdminAccess.class);

    @Inject
    NcpConfig config;

    /** @return the answer refusing the call: 404 while the API is off, 401 without the right token */
    Optional<Response> refuse(String authorization) {
        if (config.admin().token().filter(t -> !t.isBlank()).isEmpty()) {
            return Optional.of(error(404, "admin_disabled", "The admin API is not enabled"));
        }
        if (!SecretTokens.isBearer(config.admin().token(), authorization)) {
            LOG.warn("Admin call refused: missing or wrong token");
            return Optional.of(Response.fromResponse(error(401, "token_invalid", "A valid admin token is required"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ncp-admin\"").build());
        }
        return Optional.empty();
    }

    /** A refusal of an admin call; client errors are logged as one WARN line, like every refusal of the service. */
    static Response error(int status, String code, String message) {
        if (status != 401 && status < 500) {
            LOG.warnf("Admin call refused with %d: %s (%s)", status, code, LogSafe.of(message));
        }
        return Response.status(status).entity(new ErrorPages.ErrorBody(status, code, message))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
