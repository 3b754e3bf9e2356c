package org.edurecords.ncp.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.UUID;

/**
 * The EMREX 2.0 client of the benchmark: registered with the service through a client-registry file written at
 * the start of the run, with an RSA key made for that run. It makes the PKCE pair and the client assertion
 * (RS256, signed with the JDK's {@link Signature}) as any registered client would.
 */
final class LoadClient {

    static final String CLIENT_ID = "load-emc";
    static final String REDIRECT_URI = "https://emc.load.invalid/callback";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyPair keys;
    private final String tokenUrl;

    LoadClient(String base) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        tokenUrl = base + "/oauth2/token";
    }

    /** The registry file the service reads (ncp.emrex2.client-registry). */
    Path writeRegistry(Path folder) {
        // PEM with its line breaks written as JSON escapes
        String pem = ("-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n").replace("\n", "\\n");
        String json = "{\"clients\":[{\"clientId\":\"" + CLIENT_ID + "\",\"redirectUri\":\"" + REDIRECT_URI
                + "\",\"name\":{\"en\":\"Load benchmark client\"},\"publicKey\":\"" + pem + "\"}]}";
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve("load-clients.json");
            Files.writeString(file, json);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String verifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return URL.encodeToString(bytes);
    }

    static String challenge(String verifier) {
        try {
            return URL.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A private_key_jwt client assertion for one token request. */
    String assertion() {
        long now = System.currentTimeMillis() / 1000;
        String header = URL.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = URL.encodeToString(("{\"iss\":\"" + CLIENT_ID + "\",\"sub\":\"" + CLIENT_ID + "\",\"aud\":\""
                + tokenUrl + "\",\"jti\":\"" + UUID.randomUUID() + "\",\"iat\":" + now + ",\"exp\":" + (now + 120) + "}")
                .getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
