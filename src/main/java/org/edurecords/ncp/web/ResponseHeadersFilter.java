package org.edurecords.ncp.web;

import java.net.URI;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.vertx.http.ManagementInterface;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Runs for every answer of both HTTP interfaces, whatever produced it (a page, an API, a static file, the
 * health check, a framework error): the headers that must always be there are added, and a redirect the
 * framework made absolute from the request's Host header is pointed at the public URL instead.
 */
@ApplicationScoped
public class ResponseHeadersFilter {

    private static final Logger LOG = Logger.getLogger(ResponseHeadersFilter.class);

    @Inject
    PublicUrl publicUrl;

    void register(@Observes Filters filters) {
        // A high priority: before the security and REST handlers, so that even their early answers pass here.
        filters.register(this::handle, 10_000);
    }

    void management(@Observes ManagementInterface management) {
        management.router().route().order(Integer.MIN_VALUE + 100).handler(this::handleManagement);
    }

    private void handle(RoutingContext ctx) {
        publicUrl.observePort(ctx.request().localAddress() == null ? 0 : ctx.request().localAddress().port());
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            always(headers);
            String location = headers.get("Location");
            if (location != null) {
                String fixed = publicLocation(location, ctx.request().authority() == null ? null
                        : ctx.request().authority().toString());
                if (!fixed.equals(location)) {
                    headers.set("Location", fixed);
                }
            }
        });
        ctx.next();
    }

    private void handleManagement(RoutingContext ctx) {
        ctx.addHeadersEndHandler(ignored -> {
            always(ctx.response().headers());
            ctx.response().headers().set("Cache-Control", "no-store");
        });
        ctx.next();
    }

    private static void always(MultiMap headers) {
        if (!headers.contains("X-Content-Type-Options")) {
            headers.set("X-Content-Type-Options", "nosniff");
        }
        if (!headers.contains("Referrer-Policy")) {
            headers.set("Referrer-Policy", "no-referrer");
        }
    }

    /**
     * A Location on this service's own authority as the request named it (the Host header) is rewritten onto the
     * public URL. A relative one stays relative (the browser resolves it against the address it already uses), and
     * Locations elsewhere (an identity provider) stay as they are.
     */
    String publicLocation(String location, String requestAuthority) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return location;
        }
        if (!uri.isAbsolute()) {
            return location;
        }
        String authority = uri.getRawAuthority();
        if (authority == null || requestAuthority == null
                || !authority.toLowerCase(Locale.ROOT).equals(requestAuthority.toLowerCase(Locale.ROOT))) {
            return location;
        }
        String base = publicUrl.base();
        if (!base.equals(uri.getScheme() + "://" + authority)) {
            LOG.debugf("Redirect rewritten onto the public URL (the request named another host)");
        }
        StringBuilder fixed = new StringBuilder(base).append(uri.getRawPath() == null ? "" : uri.getRawPath());
        if (uri.getRawQuery() != null) {
            fixed.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            fixed.append('#').append(uri.getRawFragment());
        }
        return fixed.toString();
    }
}
