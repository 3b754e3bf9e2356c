package org.edurecords.ncp.auth;

import java.util.Optional;
import java.util.function.Supplier;

import jakarta.ws.rs.core.Response;

/**
 * What a person logs in for: an EMREX transfer (1.0 or 2.0, the same flow) or the portal. The login endpoints of
 * this package ({@link FlowLoginResource}, {@link PortalLoginResource}) run every login method the same way and hand
 * the outcome to the purpose, which alone knows its pages and what a login leads to.
 */
public interface LoginPurpose {

    /** {@link #FLOW} or {@link #PORTAL}. */
    String id();

    String FLOW = "flow";
    String PORTAL = "portal";

    /** Where this purpose's login endpoints are: {@code /emrex/flow/{id}/login} or {@code /my-results/login}. */
    String loginPath(LoginContext context);

    /** Runs a login step when the purpose may still log in (e.g. the flow is open, in this browser, not logged in). */
    Response guard(LoginContext context, Supplier<Response> step);

    /** The login page, with a problem (message key) or without. */
    Response page(LoginContext context, String problemKey, String username, int status);

    /** The login method asked for is not switched on in this deployment. */
    Response unavailable(LoginContext context, int status);

    /** Refused before any identity was read (e.g. headers from around the service provider); a login stays possible. */
    Response untrusted(LoginContext context, LoginFailure failure);

    /** A demo login with a wrong name or password. */
    Response demoRefused(LoginContext context, String username);

    /**
     * Logged in.
     *
     * @param learnerId the learner of the register, or empty when the register does not know the person
     * @param idTokenHint the raw ID token when the portal may end the provider's session with it, else null
     */
    Response identified(LoginContext context, Identity identity, Optional<Long> learnerId, String idTokenHint);

    /** The login did not give an identity (the provider failed, an attribute is missing). */
    Response failed(LoginContext context, LoginFailure failure);

    /** Notes an identity provider login that starts now; returns the token that travels with it, or null. */
    default String startAttempt(LoginContext context) {
        return null;
    }

    /** The identity provider's error answer ({@code cancelled}, {@code unavailable}, {@code failed}). */
    default Response providerError(LoginContext context, String reason, String attempt) {
        return page(context, LoginFailure.Kind.PROVIDER_ERROR.messageKey(), "", 401);
    }
}
