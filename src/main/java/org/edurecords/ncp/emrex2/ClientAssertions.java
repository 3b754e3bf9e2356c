package org.edurecords.ncp.emrex2;

import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.PublicUrl;

/**
 * Checks a {@code private_key_jwt} client assertion (RFC 7523 §3, RFC 7521) with Nimbus JOSE+JWT against the
 * client's registered key: the algorithm (RS256, PS256, ES256, matching the key), the signature, {@code iss} =
 * {@code sub} = a registered client, {@code aud} = our token URL or issuer, the times, and a {@code jti} never
 * seen before (kept in the database, so a replay on another instance is refused too).
 */
@ApplicationScoped
public class ClientAssertions {

    public static final String TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    /** The draft: an assertion may live at most five minutes. */
    static final Duration MAX_LIFETIME = Duration.ofMinutes(5);
    private static final Set<JWSAlgorithm> RSA = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.PS256);

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Inject
    PublicUrl publicUrl;

    @Inject
    ClientRegistry clients;

    @Inject
    Tokens tokens;

    /** The registered client the assertion proves, or the OAuth2 error to answer. */
    public RegisteredClient verify(String assertion, String clientIdParameter) throws OAuthError {
        SignedJWT jwt;
        JWTClaimsSet claims;
        try {
            jwt = SignedJWT.parse(assertion);
            claims = jwt.getJWTClaimsSet();
        } catch (ParseException e) {
            throw OAuthError.badAssertion("client_assertion is not a signed JWT");
        }
        String issuer = claims.getIssuer();
        if (issuer == null) {
            throw OAuthError.badAssertion("client_assertion has no iss");
        }
        RegisteredClient client = clients.find(issuer)
                .orElseThrow(() -> new OAuthError(400, "invalid_client", "the client is not registered"));
        if (!issuer.equals(claims.getSubject())) {
            throw OAuthError.badAssertion("iss and sub of client_assertion differ");
        }
        if (clientIdParameter != null && !clientIdParameter.equals(issuer)) {
            throw OAuthError.badAssertion("client_id differs from the client_assertion's iss");
        }
        if (!verifier(jwt.getHeader().getAlgorithm(), client.publicKey(), jwt)) {
            throw OAuthError.badAssertion("the signature of client_assertion is not valid for the registered key");
        }
        List<String> audience = claims.getAudience();
        String tokenUrl = publicUrl.base() + Emrex2Endpoints.TOKEN;
        if (audience == null || !(audience.contains(tokenUrl) || audience.contains(publicUrl.base()))) {
            throw OAuthError.badAssertion("aud of client_assertion is not " + tokenUrl);
        }
        Instant now = clock.instant();
        Duration skew = config.emrex2().clockSkew();
        Instant expires = instant(claims.getExpirationTime());
        if (expires == null) {
            throw OAuthError.badAssertion("client_assertion has no exp");
        }
        if (!expires.plus(skew).isAfter(now)) {
            throw OAuthError.badAssertion("client_assertion has expired");
        }
        if (expires.isAfter(now.plus(MAX_LIFETIME).plus(skew))) {
            throw OAuthError.badAssertion("exp of client_assertion is more than 5 minutes ahead");
        }
        Instant notBefore = instant(claims.getNotBeforeTime());
        Instant issued = instant(claims.getIssueTime());
        if ((notBefore != null && notBefore.isAfter(now.plus(skew))) || (issued != null && issued.isAfter(now.plus(skew)))) {
            throw OAuthError.badAssertion("client_assertion is not valid yet");
        }
        String jti = claims.getJWTID();
        if (jti == null || jti.isBlank() || jti.length() > 256) {
            throw OAuthError.badAssertion("client_assertion has no usable jti");
        }
        if (!tokens.rememberAssertion(client.clientId(), jti, expires.plus(skew))) {
            throw OAuthError.badAssertion("client_assertion was used before (jti)");
        }
        return client;
    }

    private static boolean verifier(JWSAlgorithm algorithm, PublicKey key, SignedJWT jwt) throws OAuthError {
        JWSVerifier verifier;
        try {
            if (RSA.contains(algorithm) && key instanceof RSAPublicKey rsa) {
                verifier = new RSASSAVerifier(rsa);
            } else if (JWSAlgorithm.ES256.equals(algorithm) && key instanceof ECPublicKey ec) {
                verifier = new ECDSAVerifier(ec);
            } else {
                throw OAuthError.badAssertion("alg " + algorithm + " is not accepted for the registered key"
                        + " (RS256, PS256 or ES256)");
            }
            return jwt.verify(verifier);
        } catch (JOSEException e) {
            throw OAuthError.badAssertion("the signature of client_assertion cannot be checked");
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
