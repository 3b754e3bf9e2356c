package org.edurecords.ncp.emrex2;

/**
 * An OAuth2 error answer of the token or resource endpoint (RFC 6749 §5.2, RFC 6750 §3.1), with the status the
 * EMREX 2.0 draft gives it. The description is ours, never a received value.
 */
public class OAuthError extends Exception {

    private final int status;
    private final String error;

    public OAuthError(int status, String error, String description) {
        super(description, null, false, false);
        this.status = status;
        this.error = error;
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    public static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    /** A client assertion that does not prove the client: 401. */
    public static OAuthError badAssertion(String description) {
        return new OAuthError(401, "invalid_client", description);
    }

    public static OAuthError invalidToken(String description) {
        return new OAuthError(401, "invalid_token", description);
    }
}
