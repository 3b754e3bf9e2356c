package org.edurecords.ncp.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Applies {@link RateLimited} to the REST methods that carry it (the logins and share-link creation). It reads
 * the matched method rather than the path, so that no spelling of the path gets around it. It runs after the
 * language is known, so the refusal page is in the person's language.
 */
public class RateLimitFilter {

    @Inject
    RateLimits limits;

    @Inject
    PageContext page;

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response limit(ResourceInfo resource, HttpServerRequest request, HttpHeaders headers) {
        RateLimited limited = resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RateLimited.class);
        if (limited == null) {
            return null;
        }
        RateLimits.Decision decision = limits.take(limited.value(), ClientAddress.of(request));
        if (decision.allowed()) {
            return null;
        }
        return RateLimits.refusal(decision, ErrorAnswers.wantsJson(request.path(), headers.getHeaderString(HttpHeaders.ACCEPT)),
                page.locale());
    }
}
