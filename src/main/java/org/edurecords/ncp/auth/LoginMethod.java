package org.edurecords.ncp.auth;

/**
 * A way for a student to prove who they are. The demo login implements it for the embedded
 * default; OpenID Connect and trusted-header login are further implementations.
 */
public interface LoginMethod {

    /** Stable identifier, e.g. {@code demo}, used in URLs and logs. */
    String id();

    /** Whether this method is switched on in the running configuration. */
    boolean enabled();

    /** Where the browser goes to log in for the given EMREX flow. */
    String loginPath(String flowId);

    /** The name people know the login by (ID-porten, Feide, ...). */
    default String displayName() {
        return id();
    }

    /** Where the browser goes to log in to the portal on a direct visit. */
    default String portalLoginPath() {
        return "/my-results";
    }
}
