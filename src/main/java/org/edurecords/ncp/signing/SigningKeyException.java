package org.edurecords.ncp.signing;

/**
 * The configured signing key cannot be used. Messages name the file and the reason, never key material
 * or passwords, so they are safe to log and to show at startup.
 */
public class SigningKeyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SigningKeyException(String message) {
        super(message);
    }

    public SigningKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
