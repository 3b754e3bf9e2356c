package org.edurecords.ncp.auth;

/**
 * A login that produced no usable identity. The message is plain English for the EMREX client and
 * the log and never contains personal data; {@link #kind} picks the text the person sees.
 */
public class LoginFailure extends Exception {

    public enum Kind {
        /** The person stopped at the identity provider. */
        CANCELLED,
        /** The identity provider answered with an error or could not be reached. */
        PROVIDER_ERROR,
        /** The provider did not release an attribute this deployment requires. */
        MISSING_ATTRIBUTE,
        /** Attribute headers arrived from an address that is not a trusted proxy. */
        UNTRUSTED_SOURCE;

        /** Message key of the page shown to the person. */
        public String messageKey() {
            return "auth_failure_" + name();
        }
    }

    private final Kind kind;

    public LoginFailure(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
