package org.edurecords.ncp.verify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the {@code X-Signature} of an EMREX 2.0 resource answer as a receiver does, with the JDK alone: a compact
 * JWS with a detached payload ({@code BASE64URL(header)..BASE64URL(signature)}, RFC 7515 Appendix F) whose signing
 * input is {@code BASE64URL(header) "." BASE64URL(body)}, verified with {@link java.security.Signature} against the
 * certificates of the provider's registry entry. It shares no code with the provider's signing.
 */
public final class DetachedSignature {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The verdict, with the header's fields and the certificate that verified it. */
    public record Verdict(boolean valid, String alg, String kid, String certificateSha256, String problem) {

        static Verdict refused(String alg, String kid, String problem) {
            return new Verdict(false, alg, kid, null, problem);
        }

        public String describe() {
            return valid ? alg + " verified with certificate sha256 " + certificateSha256 : problem;
        }
    }

    private DetachedSignature() {
    }

    public static Verdict verify(String xSignature, byte[] body, List<X509Certificate> trusted) {
        if (xSignature == null || xSignature.isBlank()) {
            return Verdict.refused(null, null, "no X-Signature header");
        }
        String[] parts = xSignature.strip().split("\\.", -1);
        if (parts.length != 3) {
            return Verdict.refused(null, null, "X-Signature is not a compact JWS (three dot-separated parts)");
        }
        if (!parts[1].isEmpty()) {
            return Verdict.refused(null, null, "the payload part is not detached (empty)");
        }
        String alg;
        String kid;
        String thumbprint;
        byte[] signature;
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            alg = header.path("alg").asText(null);
            kid = header.path("kid").asText(null);
            thumbprint = header.path("x5t#S256").asText(null);
            if (header.has("b64") && !header.get("b64").asBoolean(true)) {
                return Verdict.refused(alg, kid, "unencoded payload (b64=false) is not the agreed profile");
            }
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (Exception e) {
            return Verdict.refused(null, null, "unreadable JWS header or signature: " + e.getMessage());
        }
        if (alg == null) {
            return Verdict.refused(null, kid, "the JWS header has no alg");
        }
        byte[] input = (parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body))
                .getBytes(StandardCharsets.US_ASCII);
        if (trusted.isEmpty()) {
            return Verdict.refused(alg, kid, "no trusted certificate to verify with");
        }
        String lastProblem = "no trusted certificate verifies the signature";
        for (X509Certificate cert : trusted) {
            String sha256 = sha256(cert);
            if (thumbprint != null && !thumbprint.equals(base64UrlSha256(cert))) {
                continue;
            }
            try {
                if (verifies(alg, cert.getPublicKey(), input, signature)) {
                    return new Verdict(true, alg, kid, sha256, null);
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                lastProblem = alg + ": " + e.getMessage();
            }
        }
        if (thumbprint != null && trusted.stream().noneMatch(c -> thumbprint.equals(base64UrlSha256(c)))) {
            return Verdict.refused(alg, kid, "x5t#S256 " + thumbprint + " names no trusted certificate");
        }
        return Verdict.refused(alg, kid, lastProblem);
    }

    static boolean verifies(String alg, PublicKey key, byte[] input, byte[] signature) throws GeneralSecurityException {
        Signature verifier;
        switch (alg) {
            case "RS256" -> verifier = Signature.getInstance("SHA256withRSA");
            case "RS384" -> verifier = Signature.getInstance("SHA384withRSA");
            case "RS512" -> verifier = Signature.getInstance("SHA512withRSA");
            case "PS256" -> {
                verifier = Signature.getInstance("RSASSA-PSS");
                verifier.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            }
            // JWS carries ECDSA signatures as R || S (RFC 7518 3.4), the JDK's P1363 format.
            case "ES256" -> verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            case "ES384" -> verifier = Signature.getInstance("SHA384withECDSAinP1363Format");
            default -> throw new GeneralSecurityException("unsupported alg " + alg);
        }
        verifier.initVerify(key);
        verifier.update(input);
        return verifier.verify(signature);
    }

    public static String sha256(X509Certificate cert) {
        StringBuilder hex = new StringBuilder();
        for (byte b : digest(cert)) {
            hex.append(String.format("%02x", b));
        }
        return hex.toString();
    }

    private static String base64UrlSha256(X509Certificate cert) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest(cert));
    }

    private static byte[] digest(X509Certificate cert) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
