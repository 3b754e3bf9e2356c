package org.edurecords.ncp.conformance;

import org.edurecords.ncp.verify.DetachedSignature;
import org.edurecords.ncp.emrex2.client.Pkce;
import org.edurecords.ncp.emrex2.client.ClientAssertion;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.SignedJWT;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.edurecords.ncp.support.DocSnippets;
import org.junit.jupiter.api.Test;

/**
 * The client's own pieces, against an independent implementation: detached JWS made with Nimbus are verified by
 * the JDK-only check (and a changed byte, another key, an attached payload are refused); the client assertion
 * verifies with Nimbus and carries the claims RFC 7523 asks for; PKCE S256 as computed elsewhere.
 */
class Emrex2ClientPartsTest {

    @Test
    void aDetachedJwsOfRsaAndEcKeysVerifiesOverTheExactBodyOnly() throws Exception {
        byte[] body = "<elmo xmlns=\"https://github.com/emrex-eu/elmo-schemas/tree/v1\">æøå</elmo>"
                .getBytes(StandardCharsets.UTF_8);
        KeyPair rsa = EmcKeys.generateRsa();
        KeyPair ec = ecKeys();
        X509Certificate rsaCert = selfSigned(rsa, "SHA256withRSA");
        X509Certificate ecCert = selfSigned(ec, "SHA256withECDSA");
        X509Certificate otherCert = selfSigned(EmcKeys.generateRsa(), "SHA256withRSA");

        String rs256 = detached(new JWSObject(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1")
                .x509CertSHA256Thumbprint(Base64URL.encode(sha256(rsaCert))).build(), new Payload(body)), rsa, false);
        String es256 = detached(new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(body)), ec, true);

        DetachedSignature.Verdict verdict = DetachedSignature.verify(rs256, body, List.of(otherCert, rsaCert));
        assertTrue(verdict.valid(), verdict.describe());
        assertEquals("RS256", verdict.alg());
        assertEquals("k1", verdict.kid());
        assertEquals(DetachedSignature.sha256(rsaCert), verdict.certificateSha256());
        assertTrue(DetachedSignature.verify(es256, body, List.of(ecCert)).valid());

        byte[] changed = body.clone();
        changed[3] ^= 1;
        assertFalse(DetachedSignature.verify(rs256, changed, List.of(rsaCert)).valid());
        assertFalse(DetachedSignature.verify(es256, changed, List.of(ecCert)).valid());
        assertFalse(DetachedSignature.verify(rs256, body, List.of(otherCert)).valid(), "the x5t#S256 names another");
        assertFalse(DetachedSignature.verify(es256, body, List.of(rsaCert)).valid());
        String attached = rs256.replace("..", "." + Base64URL.encode(body) + ".");
        assertTrue(DetachedSignature.verify(attached, body, List.of(rsaCert)).problem().contains("detached"));
        assertFalse(DetachedSignature.verify(null, body, List.of(rsaCert)).valid());

        // The empty body of a 204.
        String empty = detached(new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(new byte[0])), rsa, false);
        assertTrue(DetachedSignature.verify(empty, new byte[0], List.of(rsaCert)).valid());
        assertFalse(DetachedSignature.verify(empty, new byte[] {' '}, List.of(rsaCert)).valid());
    }

    @Test
    void theClientAssertionCarriesTheRfc7523Claims() throws Exception {
        KeyPair keys = EmcKeys.read(Path.of("src/test/resources/emrex2/test-emc.key.pem"));
        Instant now = Instant.parse("2026-01-05T10:00:00Z");
        ClientAssertion assertion = new ClientAssertion("test-emc", "https://ncp.example.org/oauth2/token", now);
        SignedJWT jwt = SignedJWT.parse(assertion.sign(keys.getPrivate()));
        assertEquals(JWSAlgorithm.RS256, jwt.getHeader().getAlgorithm());
        assertTrue(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic())));
        assertEquals("test-emc", jwt.getJWTClaimsSet().getIssuer());
        assertEquals("test-emc", jwt.getJWTClaimsSet().getSubject());
        assertEquals(List.of("https://ncp.example.org/oauth2/token"), jwt.getJWTClaimsSet().getAudience());
        assertEquals(assertion.jti(), jwt.getJWTClaimsSet().getJWTID());
        assertEquals(Date.from(now), jwt.getJWTClaimsSet().getIssueTime());
        assertEquals(Date.from(now.plusSeconds(60)), jwt.getJWTClaimsSet().getExpirationTime());
        assertFalse(assertion.jti().equals(new ClientAssertion("test-emc", "x", now).jti()));

        KeyPair ec = EmcKeys.read(Path.of("src/test/resources/emrex2/test-emc-ec.key.pem"));
        SignedJWT es = SignedJWT.parse(new ClientAssertion("test-emc-ec", "aud", now).sign(ec.getPrivate()));
        assertEquals(JWSAlgorithm.ES256, es.getHeader().getAlgorithm());
        assertTrue(es.verify(new ECDSAVerifier((ECPublicKey) ec.getPublic())));
        // The derived public key is the registered one.
        assertEquals(java.nio.file.Files.readString(Path.of("src/test/resources/emrex2/test-emc-ec.pub.pem")).strip(),
                EmcKeys.publicPem(ec.getPublic()).strip());
        assertEquals(java.nio.file.Files.readString(Path.of("src/test/resources/emrex2/test-emc.pub.pem")).strip(),
                EmcKeys.publicPem(keys.getPublic()).strip());
    }

    @Test
    void pkceS256IsBase64UrlOfSha256() {
        // Computed with Python's hashlib and base64.urlsafe_b64encode.
        assertEquals("nvbzT4wDtFoZ7Tq4y1wj1qrDkqHdgzG-qYvFxEXUr4A",
                Pkce.s256("dBjftJeZ4CVP-mJ92zRIYPdeWAWTMSlhFYjkaXnIYrRDgNHKJpJiD4uxEx5XXWmP"));
        String verifier = Pkce.verifier();
        assertEquals(43, verifier.length());
        assertTrue(verifier.matches("[A-Za-z0-9_-]+"));
        assertFalse(verifier.equals(Pkce.verifier()));
    }

    @Test
    void theEmrex2CommandRefusesAnIncompleteCall() {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        int exit = ConformanceKitCommand.run(new String[] {"--emrex2", "--emreg2-url", "http://localhost:1/emreg2",
                "--client-id", "x"}, new java.io.PrintStream(out), new java.io.PrintStream(err));
        assertEquals(2, exit);
        assertTrue(err.toString().contains("--client-key"), err.toString());
        assertTrue(err.toString().contains("conformance --emrex2"), "the usage is printed");
    }

    @Test
    void theDocumentedOpensslAssertionIsAValidClientAssertion() throws Exception {
        Path dir = Files.createDirectories(Path.of("target/emrex2-doc-assertion"));
        Files.copy(Path.of("src/test/resources/emrex2/test-emc.key.pem"), dir.resolve("client.key.pem"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        String script = "b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }\n"
                + DocSnippets.snippet(Path.of("docs/emrex2.md"), "EMREX 2.0 client assertion")
                + "printf '%s' \"$ASSERTION\"\n";
        DocSnippets.Run run = DocSnippets.run(dir, script, Map.of("CLIENT_ID", "test-emc",
                "NCP", "https://ncp.example.org"));
        assertEquals(0, run.exit(), run.output());
        SignedJWT jwt = SignedJWT.parse(run.output().strip());
        KeyPair keys = EmcKeys.read(dir.resolve("client.key.pem"));
        assertTrue(jwt.verify(new RSASSAVerifier((RSAPublicKey) keys.getPublic())));
        assertEquals("test-emc", jwt.getJWTClaimsSet().getIssuer());
        assertEquals("test-emc", jwt.getJWTClaimsSet().getSubject());
        assertEquals(List.of("https://ncp.example.org/oauth2/token"), jwt.getJWTClaimsSet().getAudience());
        assertEquals(60_000, jwt.getJWTClaimsSet().getExpirationTime().getTime()
                - jwt.getJWTClaimsSet().getIssueTime().getTime());
        assertEquals(32, jwt.getJWTClaimsSet().getJWTID().length());
    }

    @Test
    void theDocumentedJdkSnippetVerifiesADetachedJws() throws Exception {
        byte[] body = "<learner/>".getBytes(StandardCharsets.UTF_8);
        KeyPair rsa = EmcKeys.generateRsa();
        KeyPair ec = ecKeys();
        String rs = detached(new JWSObject(new JWSHeader(JWSAlgorithm.RS256), new Payload(body)), rsa, false);
        String es = detached(new JWSObject(new JWSHeader(JWSAlgorithm.ES256), new Payload(body)), ec, true);
        assertTrue(verifyXSignature(rs, body, selfSigned(rsa, "SHA256withRSA")));
        assertTrue(verifyXSignature(es, body, selfSigned(ec, "SHA256withECDSA")));
        assertFalse(verifyXSignature(rs, "<learner />".getBytes(StandardCharsets.UTF_8), selfSigned(rsa, "SHA256withRSA")));
    }

    // The snippet of docs/emrex2.md, "With the JDK", as it is written there.
    static boolean verifyXSignature(String xSignature, byte[] body, X509Certificate cert) throws GeneralSecurityException {
        String[] parts = xSignature.split("\\.", -1);                  // header, "" (detached), signature
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return false;
        }
        Base64.Decoder url = Base64.getUrlDecoder();
        String header = new String(url.decode(parts[0]), StandardCharsets.UTF_8);
        Signature verifier = Signature.getInstance(header.contains("\"ES256\"")
                ? "SHA256withECDSAinP1363Format" : "SHA256withRSA");   // read alg with your JSON library
        verifier.initVerify(cert.getPublicKey());
        verifier.update((parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body))
                .getBytes(StandardCharsets.US_ASCII));
        return verifier.verify(url.decode(parts[2]));
    }

    private static String detached(JWSObject jws, KeyPair keys, boolean ec) throws Exception {
        jws.sign(ec ? new ECDSASigner((java.security.interfaces.ECPrivateKey) keys.getPrivate())
                : new RSASSASigner(keys.getPrivate()));
        return jws.serialize(true);
    }

    private static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static byte[] sha256(X509Certificate cert) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
    }

    private static X509Certificate selfSigned(KeyPair keys, String algorithm) throws Exception {
        X500Name name = new X500Name("CN=test");
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)), Date.from(now.plusSeconds(3600)), name, keys.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).build(keys.getPrivate())));
    }
}
