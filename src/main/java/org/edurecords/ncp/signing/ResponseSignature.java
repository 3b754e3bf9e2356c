package org.edurecords.ncp.signing;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.util.Base64URL;

/**
 * The {@code X-Signature} of every EMREX 2.0 resource answer and of every webhook to a receiver: a compact JWS with
 * a detached payload (RFC 7515 Appendix F) over the exact body bytes, made with the key and certificate the ELMO's XML signature uses. Header:
 * {@code alg} RS256 (the signing key is RSA, as the key loader requires), {@code kid} (SHA-256 of the certificate,
 * hex, as our registry view lists it) and {@code x5t#S256}. docs/emrex2.md says how a receiver checks it.
 */
@ApplicationScoped
public class ResponseSignature {

    @Inject
    SigningKeyStore keys;

    /** The signature and its algorithm's name. */
    public record Signed(String jws, String algorithm) {
    }

    public Signed sign(byte[] body) {
        SigningKey key = keys.current();
        JWSAlgorithm algorithm = JWSAlgorithm.RS256;
        try {
            JWSHeader header = new JWSHeader.Builder(algorithm).keyID(Certificates.sha256(key.certificate()))
                    .x509CertSHA256Thumbprint(Base64URL.encode(sha256(key.certificate().getEncoded()))).build();
            JWSSigner signer = new RSASSASigner(key.privateKey());
            JWSObject jws = new JWSObject(header, new Payload(body));
            jws.sign(signer);
            return new Signed(jws.serialize(true), algorithm.getName());
        } catch (JOSEException | CertificateEncodingException e) {
            throw new IllegalStateException("The answer cannot be signed", e);
        }
    }

    /** SHA-256 of the bytes. */
    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
