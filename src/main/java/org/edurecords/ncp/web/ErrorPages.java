package org.edurecords.ncp.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into a clear answer with the right status: an HTML page for a person, JSON for a
 * machine. Stack traces go to the log, never to the client.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    @CheckedTemplate
    public static class Templates {
        public static native TemplateInstance error(int status, String messageKey);
    }

    /** A machine-readable error body. */
    public record ErrorBody(int status, String error, String message) {
    }

    @Inject
    PageContext page;

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpHeaders headers) {
        return render(404, "error_not_found", headers);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpHeaders headers) {
        Response response = render(405, "error_method", headers);
        return Response.fromResponse(response).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return render(500, "error_internal", headers);
        }
        LOG.infof("Request refused with %d: %s", status, e.getMessage());
        return render(status, status == 404 ? "error_not_found" : "error_bad_request", headers);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, HttpHeaders headers) {
        LOG.error("Unexpected failure", e);
        return render(500, "error_internal", headers);
    }

    /** The English text of an error, for machines and logs. */
    static String text(String key) {
        Messages messages = MessageBundles.get(Messages.class, Localized.Literal.of("en"));
        return switch (key) {
            case "error_not_found" -> messages.error_not_found();
            case "error_method" -> messages.error_method();
            case "error_csrf" -> messages.error_csrf();
            case "error_internal" -> messages.error_internal();
            case "error_rate_limited" -> messages.error_rate_limited();
            default -> messages.error_bad_request();
        };
    }

    private Response render(int status, String key, HttpHeaders headers) {
        boolean wantsJson = headers.getAcceptableMediaTypes().stream()
                .anyMatch(t -> t.isCompatible(MediaType.APPLICATION_JSON_TYPE) && !t.isWildcardType());
        if (wantsJson) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorBody(status, key, text(key)))
                    .build();
        }
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.error(status, key).setLocale(page.locale())).build();
    }
}
