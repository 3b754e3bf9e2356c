package org.edurecords.ncp.emrex2;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.edurecords.ncp.results.LocalizedText;

/**
 * A registered EMREX 2.0 client (an EMC entry of EMREG 2.0).
 *
 * @param redirectUris the registered redirect URIs; a request must name one of them exactly
 * @param names the client's name per language tag
 * @param publicKeyPem the key its client assertions are checked with: a PEM public key or certificate
 * @param activeFrom when this entry takes effect ({@code activeByDateTimeUtc}), or null for "already"
 */
public record RegisteredClient(String clientId, List<String> redirectUris, Map<String, String> names, String logo,
        String trustLevel, String email, String website, String publicKeyPem, Instant activeFrom) {

    public RegisteredClient {
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
        names = names == null ? Map.of() : Map.copyOf(names);
    }

    /** The registered name in the reader's language (the product's one fallback chain), else the client id. */
    public String name(Locale locale) {
        String name = LocalizedText.fromMap(names).in(locale);
        return name == null || name.isBlank() ? clientId : name;
    }

    /** The client's public key; an entry whose key cannot be read is refused when the registry is read. */
    public PublicKey publicKey() {
        return parseKey(publicKeyPem);
    }

    static PublicKey parseKey(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("no publicKey");
        }
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
            }
            String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
            X509EncodedKeySpec spec = new X509EncodedKeySpec(Base64.getDecoder().decode(body));
            for (String algorithm : List.of("RSA", "EC")) {
                try {
                    return KeyFactory.getInstance(algorithm).generatePublic(spec);
                } catch (InvalidKeySpecException e) {
                    // the other algorithm
                }
            }
            throw new IllegalArgumentException("publicKey is neither an RSA nor an EC key");
        } catch (CertificateException | NoSuchAlgorithmException | IllegalArgumentException e) {
            throw new IllegalArgumentException("publicKey cannot be read: " + e.getMessage(), e);
        }
    }
}
