package org.edurecords.ncp.emrex2.client;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** PKCE of RFC 7636: a random code verifier and its S256 challenge. */
public final class Pkce {

    private Pkce() {
    }

    /** 43 characters of the unreserved alphabet (32 random bytes, base64url). */
    public static String verifier() {
        return random(32);
    }

    /** A random value for {@code state} or {@code jti}. */
    public static String random(int bytes) {
        return org.edurecords.ncp.web.SecretTokens.random(bytes);
    }

    /** BASE64URL(SHA-256(ASCII(verifier))). */
    public static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
