package org.edurecords.ncp.web;

import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

/**
 * Drops an Accept-Language header that is not a language list before anything reads it. The page then speaks the
 * default language, as for a browser that sends none; left in place, the template layer's own parsing of the header
 * would fail the request.
 */
@ApplicationScoped
public class AcceptLanguageRoute {

    private static final Logger LOG = Logger.getLogger(AcceptLanguageRoute.class);
    private static final String HEADER = "Accept-Language";

    void register(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 2).handler(this::check);
    }

    void check(RoutingContext ctx) {
        String value = ctx.request().getHeader(HEADER);
        if (value != null && !wellFormed(value)) {
            ctx.request().headers().remove(HEADER);
            LOG.debugf("Malformed Accept-Language header ignored: %s", LogSafe.of(value));
        }
        ctx.next();
    }

    static boolean wellFormed(String value) {
        if (value.isBlank() || value.length() > 512) {
            return value.isBlank();
        }
        try {
            Locale.LanguageRange.parse(value);
            // The JAX-RS parser is stricter than the JDK's about empty entries and parameters.
            for (String part : value.split(",")) {
                String[] pieces = part.split(";");
                if (pieces.length == 0 || pieces[0].isBlank()) {
                    return false;
                }
                for (int i = 1; i < pieces.length; i++) {
                    if (!pieces[i].strip().matches("q=[01](\\.\\d{0,3})?")) {
                        return false;
                    }
                }
            }
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
