package org.edurecords.ncp.signing;

/** An {@code elmo} form value is not base64 of a gzip stream within the size limit; the message says why. */
public class TransferEncodingException extends Exception {

    private static final long serialVersionUID = 1L;

    public TransferEncodingException(String message) {
        super(message);
    }

    public TransferEncodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
