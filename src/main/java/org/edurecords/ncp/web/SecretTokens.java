package org.edurecords.ncp.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Random values handed to browsers (flow and session cookies, link ids, grants) and the hash under which
 * they are stored. They carry enough entropy that a fast hash suffices: a leaked table reveals no usable value.
 */
public final class SecretTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretTokens() {
    }

    /** A URL-safe random value of the given number of bytes (32 bytes: 256 bits). */
    public static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    /** SHA-256 of the token's UTF-8 bytes, in hex: how a token is stored and looked up. */
    public static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /**
     * Whether an Authorization header carries this bearer token, compared in a time that does not depend on
     * where the values differ. False while no token is configured.
     */
    public static boolean isBearer(java.util.Optional<String> token, String authorization) {
        if (token.isEmpty() || token.get().isBlank() || authorization == null) {
            return false;
        }
        return MessageDigest.isEqual(("Bearer " + token.get()).getBytes(StandardCharsets.UTF_8),
                authorization.trim().getBytes(StandardCharsets.UTF_8));
    }
}
