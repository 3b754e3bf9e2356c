package org.edurecords.ncp.emrex2;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.quarkus.scheduler.Scheduled;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.SecretTokens;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Codes, access tokens and seen assertions in the database, so that any instance redeems a code issued by another
 * and a replay is refused everywhere. Codes and tokens are stored only as SHA-256 hashes.
 */
@ApplicationScoped
public class Tokens {

    private static final Logger LOG = Logger.getLogger(Tokens.class);
    /** RFC 7636 §4.1: 43 to 128 unreserved characters. */
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    /** The draft's limits hold in every profile: a longer code or token lifetime refuses to start. */
    void checkLifetimes(@jakarta.enterprise.event.Observes io.quarkus.runtime.StartupEvent event) {
        java.util.List<String> problems = lifetimeProblems(config.emrex2());
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("; ", problems));
        }
    }

    static java.util.List<String> lifetimeProblems(NcpConfig.Emrex2 emrex2) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (emrex2.codeLifetime().isNegative() || emrex2.codeLifetime().isZero()
                || emrex2.codeLifetime().compareTo(java.time.Duration.ofSeconds(60)) > 0) {
            problems.add("ncp.emrex2.code-lifetime must be more than 0 and at most 60 seconds");
        }
        if (emrex2.tokenLifetime().isNegative() || emrex2.tokenLifetime().isZero()
                || emrex2.tokenLifetime().compareTo(java.time.Duration.ofSeconds(300)) > 0) {
            problems.add("ncp.emrex2.token-lifetime must be more than 0 and at most 300 seconds");
        }
        return problems;
    }

    /** An issued access token and what it may read. */
    public record Issued(String accessToken, long expiresIn, String scope) {
    }

    /**
     * Notes an assertion's jti; false when it was seen before. In a transaction of its own, so that the primary key
     * decides between two instances that receive the same assertion at once.
     */
    public boolean rememberAssertion(String clientId, String jti, Instant expiresAt) {
        try {
            return insertAssertion(clientId, jti, expiresAt);
        } catch (RuntimeException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ConstraintViolationException) {
                    return false;
                }
            }
            throw e;
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    boolean insertAssertion(String clientId, String jti, Instant expiresAt) {
        SeenAssertion.Key key = new SeenAssertion.Key();
        key.clientId = clientId;
        key.jti = jti;
        if (SeenAssertion.findById(key) != null) {
            return false;
        }
        SeenAssertion seen = new SeenAssertion();
        seen.clientId = clientId;
        seen.jti = jti;
        seen.expiresAt = expiresAt;
        seen.persist();
        SeenAssertion.flush();
        return true;
    }

    /**
     * Redeems a code for an access token (RFC 6749 §4.1.3, RFC 7636 §4.6). Every binding is checked before the code
     * is spent, so a wrong attempt does not burn it for the real client; a code used before is refused, and the token
     * of its first use is revoked (§4.1.2).
     */
    @Transactional
    public Issued redeem(RegisteredClient client, String code, String redirectUri, String verifier) throws OAuthError {
        Instant now = clock.instant();
        AuthorizationCode stored = AuthorizationCode.findById(SecretTokens.sha256Hex(code));
        if (stored == null) {
            throw OAuthError.invalidGrant("the code is not known");
        }
        if (!stored.clientId.equals(client.clientId())) {
            throw OAuthError.invalidGrant("the code was issued to another client");
        }
        if (stored.usedAt != null) {
            long revoked = AccessToken.update("revokedAt = ?1 where refId = ?2 and revokedAt is null", now,
                    stored.refId);
            LOG.warnf("EMREX 2.0: a code of consent %s was presented again; %d token(s) revoked", stored.refId, revoked);
            throw OAuthError.invalidGrant("the code was used before; what it gave is revoked");
        }
        if (!stored.expiresAt.isAfter(now)) {
            throw OAuthError.invalidGrant("the code has expired");
        }
        if (!stored.redirectUri.equals(redirectUri)) {
            throw OAuthError.invalidGrant("redirect_uri differs from the one of the authorization request");
        }
        if (verifier == null || !VERIFIER.matcher(verifier).matches()
                || !MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                        stored.codeChallenge.getBytes(StandardCharsets.US_ASCII))) {
            throw OAuthError.invalidGrant("code_verifier does not match the code_challenge");
        }
        // Spent once only, also when two instances redeem it at the same moment.
        if (AuthorizationCode.update("usedAt = ?1 where codeHash = ?2 and usedAt is null", now, stored.codeHash) != 1) {
            throw OAuthError.invalidGrant("the code was used before");
        }
        Consent consent = Consent.findById(stored.refId);
        if (consent == null || !consent.expiresAt.isAfter(now)) {
            throw OAuthError.invalidGrant("the consent of this code has ended");
        }
        String token = SecretTokens.random(32);
        AccessToken access = new AccessToken();
        access.tokenHash = SecretTokens.sha256Hex(token);
        access.refId = consent.refId;
        access.clientId = client.clientId();
        access.scope = consent.scope;
        access.expiresAt = now.plus(config.emrex2().tokenLifetime());
        access.persist();
        LOG.infof("EMREX 2.0: token issued for consent %s", consent.refId);
        return new Issued(token, config.emrex2().tokenLifetime().toSeconds(), consent.scope);
    }

    /** The consent a bearer token may read, or why it may not. */
    @Transactional
    public Consent consentOf(String bearer) throws OAuthError {
        if (bearer == null || bearer.isBlank() || bearer.length() > 256) {
            throw OAuthError.invalidToken("no access token");
        }
        AccessToken token = AccessToken.findById(SecretTokens.sha256Hex(bearer));
        Instant now = clock.instant();
        if (token == null) {
            throw OAuthError.invalidToken("the access token is not known");
        }
        if (token.revokedAt != null) {
            throw OAuthError.invalidToken("the access token was revoked");
        }
        if (!token.expiresAt.isAfter(now)) {
            throw OAuthError.invalidToken("the access token has expired");
        }
        Consent consent = Consent.findById(token.refId);
        if (consent == null) {
            throw OAuthError.invalidToken("the consent of this token has ended");
        }
        return consent;
    }

    /** BASE64URL(SHA-256(ASCII(verifier))), RFC 7636 §4.2. */
    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Scheduled(every = "${ncp.operations.purge-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes consents (their documents), codes and tokens that can no longer be used, and old jtis. */
    @Transactional
    public long purge() {
        Instant now = clock.instant();
        long assertions = SeenAssertion.delete("expiresAt < ?1", now);
        AccessToken.delete("refId in (select c.refId from Consent c where c.expiresAt < ?1)", now);
        AuthorizationCode.delete("refId in (select c.refId from Consent c where c.expiresAt < ?1)", now);
        long consents = Consent.delete("expiresAt < ?1", now);
        if (consents + assertions > 0) {
            LOG.infof("Purged %d EMREX 2.0 consents and %d assertion ids that had ended", consents, assertions);
        }
        return consents;
    }

}
