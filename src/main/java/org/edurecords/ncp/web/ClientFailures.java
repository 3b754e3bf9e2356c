package org.edurecords.ncp.web;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;

import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.quarkus.security.AuthenticationException;

/**
 * Failures of the framework's reading of a request body that are the client's doing, and the status they
 * deserve. The framework reports several of them as plain exceptions, which would otherwise be answered as
 * an internal error and logged with a stack trace for every such request.
 */
final class ClientFailures {

    /** Statuses a plain route fails with for a bad request (body handler, router); the others are not ours to answer. */
    private static final Set<Integer> CLIENT_STATUSES = Set.of(400, 404, 405, 406, 413, 414, 415, 431);

    /** Where Quarkus REST parses forms; an exception thrown there is about the body as sent. */
    private static final String REST_FORM_PARSER = "org.jboss.resteasy.reactive.server.core.multipart.";

    record Refusal(int status, String reason) {
    }

    private ClientFailures() {
    }

    /**
     * @param status the status a plain route failed with, or -1
     * @param failure the failure, or null
     */
    static Optional<Refusal> of(int status, Throwable failure) {
        if (failure instanceof AuthenticationException || failure instanceof SecurityException) {
            return Optional.empty();
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof HttpPostRequestDecoder.TooManyFormFieldsException) {
                return Optional.of(new Refusal(413, "the form has more fields than quarkus.http.limits.max-form-fields"));
            }
            if (t instanceof HttpPostRequestDecoder.TooLongFormFieldException) {
                return Optional.of(new Refusal(413, "a form field is longer than quarkus.http.limits.max-form-attribute-size"));
            }
            if (t instanceof HttpPostRequestDecoder.ErrorDataDecoderException || t instanceof DecoderException) {
                return Optional.of(new Refusal(400, "the body cannot be decoded as a form"));
            }
            if (fromRestFormParser(t)) {
                String message = t.getMessage();
                // Quarkus REST throws a plain RuntimeException when quarkus.http.limits.max-parameters is exceeded.
                return Optional.of(message != null && message.startsWith("Param limit of")
                        ? new Refusal(413, "the form has more fields than quarkus.http.limits.max-parameters")
                        : new Refusal(400, "the body cannot be decoded as a form"));
            }
        }
        if (CLIENT_STATUSES.contains(status)) {
            return Optional.of(new Refusal(status, failure == null ? "refused by the router"
                    : failure.getClass().getSimpleName()));
        }
        return Optional.empty();
    }

    /** A failure that is the service's own, to be answered with 500: not a refusal, not a login challenge. */
    static boolean isServerFailure(int status, Throwable failure) {
        if (failure instanceof AuthenticationException || failure instanceof SecurityException
                || failure instanceof RejectedExecutionException) {
            return false;
        }
        return status >= 500 || (status < 400 && failure != null);
    }

    private static boolean fromRestFormParser(Throwable t) {
        if (!(t instanceof RuntimeException) || t instanceof jakarta.ws.rs.WebApplicationException) {
            return false;
        }
        StackTraceElement[] frames = t.getStackTrace();
        for (int i = 0; i < Math.min(frames.length, 8); i++) {
            if (frames[i].getClassName().startsWith(REST_FORM_PARSER)) {
                return true;
            }
        }
        return false;
    }
}
