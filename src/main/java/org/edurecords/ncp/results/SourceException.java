package org.edurecords.ncp.results;

/**
 * A result source could not deliver. The message is for the operator's log and never contains
 * personal data or document content.
 */
public class SourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Completeness.Status status;

    public SourceException(Completeness.Status status, String message) {
        super(message);
        this.status = status;
    }

    public SourceException(Completeness.Status status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public Completeness.Status status() {
        return status;
    }

    /** Worth another try: the endpoint was unreachable or answered with a server error. */
    public static final class Transient extends SourceException {

        private static final long serialVersionUID = 1L;

        public Transient(String message, Throwable cause) {
            super(Completeness.Status.UNAVAILABLE, message, cause);
        }
    }
}
