package org.edurecords.ncp.web;

import java.net.URI;
import java.util.Map;

/** Security headers sent with every answer; the CSP is widened only to post an EMREX answer. */
public final class SecurityHeaders {

    public static final String CSP = "Content-Security-Policy";

    public static final Map<String, String> DEFAULTS = Map.of(
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer",
            "Permissions-Policy", "camera=(), microphone=(), geolocation=()",
            "Cross-Origin-Opener-Policy", "same-origin");

    private SecurityHeaders() {
    }

    /**
     * @param formTarget the EMREX return URL the page posts to, or null for pages that post only to us
     */
    public static String contentSecurityPolicy(URI formTarget) {
        return contentSecurityPolicy(formTarget, null);
    }

    /** @param imageSource an https image from elsewhere that the page shows (an EMREX 2.0 client's logo), or null */
    public static String contentSecurityPolicy(URI formTarget, URI imageSource) {
        String formAction = "'self'";
        if (formTarget != null) {
            formAction += " " + origin(formTarget);
        }
        String images = imageSource == null ? "'self' data:" : "'self' data: " + origin(imageSource);
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + images + "; object-src 'none'; "
                + "base-uri 'none'; frame-ancestors 'none'; form-action " + formAction;
    }

    /** scheme://host[:port] of a URL, as CSP source expressions want it. */
    public static String origin(URI uri) {
        String origin = uri.getScheme().toLowerCase() + "://" + uri.getHost();
        return uri.getPort() == -1 ? origin : origin + ":" + uri.getPort();
    }
}
