package org.edurecords.ncp.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Language resolution and security headers for every page and API answer of Quarkus REST. */
public class WebFilters {

    private static final java.util.Set<String> UNSAFE = java.util.Set.of("POST", "PUT", "PATCH", "DELETE");

    private static final Pattern FLOW_PATH = Pattern.compile("(/emrex/flow/[A-Za-z0-9_-]+)(/.*)?");

    @Inject
    PageContext page;

    @ServerRequestFilter
    public void resolveLanguage(ContainerRequestContext request) {
        String parameter = request.getUriInfo().getQueryParameters().getFirst(Languages.PARAMETER);
        Cookie cookie = request.getCookies().get(Languages.COOKIE);
        String chosen = cookie == null ? null : cookie.getValue();
        page.set(Languages.resolve(parameter, chosen, request.getHeaderString("Accept-Language")),
                switchTarget(request.getUriInfo().getPath()));
        page.chosen(Languages.supported(parameter) != null || Languages.supported(chosen) != null);
    }

    /**
     * A form is posted with its content type; a request that changes something and declares none is refused before
     * it reaches a page (after matching: a method the address does not take is still a 405). Without this it would
     * pass the CSRF filter, which checks forms only, and reach the page's method with every field empty. The JSON
     * APIs answer such a request themselves (their bearer token comes first).
     */
    @ServerRequestFilter
    public void requireContentType(ContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod()) || request.getHeaderString("Content-Type") != null) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (!ErrorAnswers.isMachinePath(path)) {
            throw new jakarta.ws.rs.NotSupportedException("a request without a content type");
        }
    }

    /**
     * Where the language link leads: the same page, except inside an EMREX flow, where it leads to
     * the flow itself, which shows the current step (some steps exist only as the answer to a POST).
     */
    static String switchTarget(String path) {
        Matcher flow = FLOW_PATH.matcher(path);
        return flow.matches() ? flow.group(1) : path;
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 400 && !response.hasEntity()) {
            // The CSRF filter refuses with an empty 400; a person deserves a page that says why.
            String path = request.getUriInfo().getPath();
            ErrorAnswers.logRefusal(request.getMethod(), path, 400, "form without a valid CSRF token");
            if (ErrorAnswers.wantsJson(path, request.getHeaderString("Accept"))) {
                response.setEntity(new ErrorPages.ErrorBody(400, "error_csrf", ErrorAnswers.text("error_csrf")), null,
                        MediaType.APPLICATION_JSON_TYPE);
            } else {
                response.setEntity(ErrorPages.Templates.error(400, "error_csrf").setLocale(page.locale()), null,
                        MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
            }
        }
        MultivaluedMap<String, Object> headers = response.getHeaders();
        SecurityHeaders.DEFAULTS.forEach(headers::putSingle);
        if (!headers.containsKey(SecurityHeaders.CSP)) {
            headers.putSingle(SecurityHeaders.CSP, SecurityHeaders.contentSecurityPolicy(null));
        }
        String parameter = request.getUriInfo().getQueryParameters().getFirst(Languages.PARAMETER);
        if (Languages.supported(parameter) != null) {
            headers.add("Set-Cookie", new NewCookie.Builder(Languages.COOKIE).value(page.getLang()).path("/")
                    .maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build());
        }
    }
}
