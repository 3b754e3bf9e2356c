package org.edurecords.ncp.receiving;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import org.edurecords.ncp.emrex.KnownReceivers;
import org.edurecords.ncp.emrex.Receiver;
import org.edurecords.ncp.web.ErrorPages;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.SecretTokens;

/**
 * Which receiver a call of the receivers' API comes from: the one whose {@code api-token} the bearer token is,
 * compared in constant time with every receiver's. The product's JSON error answers for that API.
 */
@ApplicationScoped
public class ReceiverAccess {

    private static final Logger LOG = Logger.getLogger(ReceiverAccess.class);

    @Inject
    KnownReceivers receivers;

    /**
     * Runs a call of the receivers' API as the receiver whose token the bearer token is: the 401 answer without
     * one, and the product's JSON error for a {@link ReceiverRequests.RequestProblem} the call raises.
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
            LOG.warn("Receiver API call refused: missing or wrong token");
            return Response.fromResponse(error(401, "token_invalid",
                    "A receiver's API token is required (Authorization: Bearer ...)"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"ncp-receiver\"").build();
        }
        try {
            return call.apply(found);
        } catch (ReceiverRequests.RequestProblem e) {
            return error(e.status(), e.code(), e.getMessage());
        }
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
