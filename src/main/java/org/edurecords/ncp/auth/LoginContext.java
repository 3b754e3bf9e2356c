package org.edurecords.ncp.auth;

import java.util.Map;

import jakarta.ws.rs.core.Cookie;

/**
 * One login request as its purpose needs it.
 *
 * @param ref the flow id of a transfer's login; null for the portal
 * @param cookies the request's cookies (the flow's browser secret, the previous portal session)
 */
public record LoginContext(String ref, Map<String, Cookie> cookies) {

    public LoginContext {
        cookies = cookies == null ? Map.of() : Map.copyOf(cookies);
    }

    public String cookie(String name) {
        Cookie cookie = cookies.get(name);
        return cookie == null ? null : cookie.getValue();
    }
}
