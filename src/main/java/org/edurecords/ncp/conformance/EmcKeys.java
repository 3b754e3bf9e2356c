package org.edurecords.ncp.conformance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * An EMREX 2.0 client's own key pair, kept as a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}); the public
 * key, as a registry entry publishes it, is derived from the private key.
 */
public final class EmcKeys {

    private EmcKeys() {
    }

    /** A key pair read from a PKCS#8 PEM file (RSA or EC). */
    public static KeyPair read(Path pem) throws IOException {
        return fromPem(Files.readString(pem, StandardCharsets.US_ASCII));
    }

    public static KeyPair fromPem(String pem) throws IOException {
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IOException("not a PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
        try {
            boolean ec = PrivateKeyInfo.getInstance(der).getPrivateKeyAlgorithm().getAlgorithm()
                    .equals(X9ObjectIdentifiers.id_ecPublicKey);
            KeyFactory factory = KeyFactory.getInstance(ec ? "EC" : "RSA");
            PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(der));
            return new KeyPair(publicOf(key, ec), key);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("unreadable private key: " + e.getMessage(), e);
        }
    }

    private static PublicKey publicOf(PrivateKey key, boolean ec) throws GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        if (ec) {
            // The public point of an EC key is in its PKCS#8 encoding (RFC 5915); Bouncy Castle derives it otherwise.
            var bc = (org.bouncycastle.jce.interfaces.ECPrivateKey) KeyFactory
                    .getInstance("EC", new BouncyCastleProvider()).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
            var spec = bc.getParameters();
            var q = spec.getG().multiply(bc.getD()).normalize();
            var publicSpec = new org.bouncycastle.jce.spec.ECPublicKeySpec(q, spec);
            PublicKey bcPublic = KeyFactory.getInstance("EC", new BouncyCastleProvider()).generatePublic(publicSpec);
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(bcPublic.getEncoded()));
        }
        throw new GeneralSecurityException("unsupported key type " + key.getAlgorithm());
    }

    /** A new RSA 2048 key pair. */
    public static KeyPair generateRsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no RSA key generator", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return pem("PRIVATE KEY", key.getEncoded());
    }

    /** SubjectPublicKeyInfo PEM, the format of a registry entry's publicKey. */
    public static String publicPem(PublicKey key) {
        return pem("PUBLIC KEY", key.getEncoded());
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
