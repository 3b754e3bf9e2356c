package org.edurecords.ncp.emrex2.client;

import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The {@code private_key_jwt} client assertion of RFC 7523 that an EMREX 2.0 client sends to the token endpoint:
 * {@code iss = sub =} the client id, {@code aud} the token URL, a unique {@code jti}, {@code iat} and {@code exp}.
 * Signed RS256 with an RSA key, ES256 with an EC P-256 key. The setters make the assertions the conformance kit
 * sends to be refused.
 */
public final class ClientAssertion {

    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

    private final String clientId;
    private String subject;
    private String audience;
    private String jti = UUID.randomUUID().toString();
    private Instant issuedAt;
    private Instant expires;

    public ClientAssertion(String clientId, String audience, Instant now) {
        this.clientId = clientId;
        this.subject = clientId;
        this.audience = audience;
        this.issuedAt = now;
        this.expires = now.plusSeconds(60);
    }

    public ClientAssertion audience(String value) {
        audience = value;
        return this;
    }

    /** Another {@code sub} than the client id (an assertion to be refused). */
    public ClientAssertion subject(String value) {
        subject = value;
        return this;
    }

    public ClientAssertion jti(String value) {
        jti = value;
        return this;
    }

    public ClientAssertion times(Instant iat, Instant exp) {
        issuedAt = iat;
        expires = exp;
        return this;
    }

    public String jti() {
        return jti;
    }

    /** The compact JWT, signed with {@code key}. */
    public String sign(PrivateKey key) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(clientId).subject(subject).audience(audience)
                .jwtID(jti).issueTime(Date.from(issuedAt)).expirationTime(Date.from(expires)).build();
        try {
            JWSSigner signer;
            JWSAlgorithm alg;
            if (key instanceof ECPrivateKey ec) {
                signer = new ECDSASigner(ec);
                alg = JWSAlgorithm.ES256;
            } else if (key instanceof RSAPrivateKey rsa) {
                signer = new RSASSASigner(rsa);
                alg = JWSAlgorithm.RS256;
            } else {
                throw new IllegalArgumentException("an RSA or EC key is needed, not " + key.getAlgorithm());
            }
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("signing the client assertion failed: " + e.getMessage(), e);
        }
    }
}
