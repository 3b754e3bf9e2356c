package org.edurecords.ncp.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/** PEM and DER forms of certificates as registries carry them. */
public final class Certificates {

    private Certificates() {
    }

    /** All certificates of a PEM text (one or several blocks) or of DER bytes. */
    public static List<X509Certificate> parse(byte[] pemOrDer) throws CertificateException {
        List<X509Certificate> certs = new ArrayList<>();
        for (Certificate c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pemOrDer))) {
            certs.add((X509Certificate) c);
        }
        if (certs.isEmpty()) {
            throw new CertificateException("no certificate found");
        }
        return certs;
    }

    public static List<X509Certificate> parsePem(String pem) throws CertificateException {
        if (pem == null || pem.isBlank()) {
            throw new CertificateException("empty certificate");
        }
        return parse(pem.strip().getBytes(StandardCharsets.US_ASCII));
    }

    public static List<X509Certificate> read(Path file) throws IOException, CertificateException {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in.readAllBytes());
        }
    }

    /** PEM with 64-character lines, as EMREG {@code pubKey} values are written. */
    public static String toPem(X509Certificate cert) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der(cert))
                + "\n-----END CERTIFICATE-----\n";
    }

    /** Single-line base64 of the DER encoding, as the EWP manifest's {@code certificate} element wants it. */
    public static String toBase64Der(X509Certificate cert) {
        return Base64.getEncoder().encodeToString(der(cert));
    }

    /** SHA-256 fingerprint in lower-case hex, the identifier receivers compare. */
    public static String sha256(X509Certificate cert) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der(cert)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JDK", e);
        }
    }

    public static boolean selfSigned(X509Certificate cert) {
        if (!cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal())) {
            return false;
        }
        try {
            cert.verify(cert.getPublicKey());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("Certificate cannot be encoded", e);
        }
    }
}
