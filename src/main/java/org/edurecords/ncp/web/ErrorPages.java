package org.edurecords.ncp.web;

import java.util.Locale;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of the REST layer into a clear answer with the right status: an HTML page for a person,
 * JSON for a machine, by the one rule of {@link ErrorAnswers#wantsJson}. Stack traces go to the log, never to
 * the client, and only for the service's own failures.
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
    public Response notFound(NotFoundException e, ContainerRequestContext request) {
        return refuse(request, 404, "no such resource", null);
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, ContainerRequestContext request) {
        Response response = refuse(request, 405, "method not allowed", null);
        return Response.fromResponse(response).allow(e.getResponse().getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException cause) {
            return json(cause, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
            return answer(request, 500, "error_internal", null);
        }
        return refuse(request, status, e.getMessage(), null);
    }

    /** JSON the endpoint cannot read; the specific Jackson types are listed so that no built-in mapper wins. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            InvalidFormatException.class})
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        String problem = JsonProblems.describe(e);
        return refuse(request, 400, "JSON body: " + problem, "error_json_invalid", problem);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, ContainerRequestContext request) {
        var refusal = ClientFailures.of(-1, e);
        if (refusal.isPresent()) {
            return refuse(request, refusal.get().status(), refusal.get().reason(), null);
        }
        var away = DatabaseUnavailable.reason(e);
        if (away.isPresent()) {
            ErrorAnswers.logUnavailable(request.getMethod(), request.getUriInfo().getPath(), away.get());
            return Response.fromResponse(answer(request, 503, DatabaseUnavailable.MESSAGE_KEY, null))
                    .header("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
        }
        LOG.error("Unexpected failure", e);
        return answer(request, 500, "error_internal", null);
    }

    private Response refuse(ContainerRequestContext request, int status, String reason, String detail) {
        return refuse(request, status, reason, ErrorAnswers.keyFor(status), detail);
    }

    private Response refuse(ContainerRequestContext request, int status, String reason, String key, String detail) {
        ErrorAnswers.logRefusal(request.getMethod(), request.getUriInfo().getPath(), status, reason);
        return answer(request, status, key, detail);
    }

    private Response answer(ContainerRequestContext request, int status, String key, String detail) {
        String path = request.getUriInfo().getPath();
        if (ErrorAnswers.wantsJson(path, request.getHeaderString("Accept"))) {
            return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                    .header("Cache-Control", "no-store")
                    .entity(new ErrorBody(status, key, ErrorAnswers.message(key, detail))).build();
        }
        // The request may have failed before the filters that set the language ran (no matching method, a body
        // that cannot be read): the page resolves it itself.
        Locale locale = locale(request);
        page.set(locale, "GET".equals(request.getMethod()) ? WebFilters.switchTarget(path) : null);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .entity(Templates.error(status, key).setLocale(locale)).build();
    }

    private static Locale locale(ContainerRequestContext request) {
        String parameter;
        try {
            parameter = request.getUriInfo().getQueryParameters().getFirst(Languages.PARAMETER);
        } catch (RuntimeException e) {
            // A query that cannot be decoded does not choose the language.
            parameter = null;
        }
        Cookie cookie = request.getCookies().get(Languages.COOKIE);
        return Languages.resolve(parameter, cookie == null ? null : cookie.getValue(),
                request.getHeaderString("Accept-Language"));
    }
}
