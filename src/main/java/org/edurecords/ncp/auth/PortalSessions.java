package org.edurecords.ncp.auth;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.scheduler.Scheduled;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.SecretTokens;
import org.jboss.logging.Logger;

/**
 * Portal sessions kept in the database, so any instance serves the next request and logout is
 * immediate everywhere. Every login issues a new random id (the old one, if any, is deleted); a
 * session ends after the idle timeout or, however active, after the absolute timeout.
 */
@ApplicationScoped
public class PortalSessions {

    private static final Logger LOG = Logger.getLogger(PortalSessions.class);
    public static final String COOKIE = "ncp-session";

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    /** Starts a session for a fresh login and returns the cookie value; a previous session of this browser ends. */
    @Transactional
    public String start(String previousToken, Long learnerId, Identity identity, String idTokenHint) {
        if (previousToken != null) {
            PortalSession.deleteById(SecretTokens.sha256Hex(previousToken));
        }
        String token = SecretTokens.random(32);
        Instant now = clock.instant();
        PortalSession session = new PortalSession();
        session.idHash = SecretTokens.sha256Hex(token);
        session.learnerId = learnerId;
        session.loginMethod = identity.method();
        session.displayName = identity.displayName();
        session.createdAt = now;
        session.lastSeenAt = now;
        session.idTokenHint = idTokenHint;
        session.persist();
        LOG.infof("Portal session started (%s login%s)", identity.method(), learnerId == null ? ", not in the register" : "");
        return token;
    }

    /** The live session of this cookie value, touched; empty when unknown or timed out (then it is deleted). */
    @Transactional
    public Optional<PortalSession> find(String token) {
        PortalSession session = lookup(token);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        NcpConfig.Auth.Session limits = config.auth().session();
        if (now.isAfter(session.lastSeenAt.plus(limits.idleTimeout()))
                || now.isAfter(session.createdAt.plus(limits.absoluteTimeout()))) {
            session.delete();
            LOG.info("Portal session timed out");
            return Optional.empty();
        }
        session.lastSeenAt = now;
        return Optional.of(session);
    }

    /** Ends the session; returns it as it was (for the provider logout hint), or empty when there was none. */
    @Transactional
    public Optional<PortalSession> end(String token) {
        PortalSession session = lookup(token);
        if (session == null) {
            return Optional.empty();
        }
        session.delete();
        LOG.info("Portal session ended by logout");
        return Optional.of(session);
    }

    @Scheduled(every = "${ncp.auth.session.purge-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRemoval() {
        removeTimedOut();
    }

    /** @return the number of sessions removed */
    @Transactional
    public long removeTimedOut() {
        Instant now = clock.instant();
        long removed = PortalSession.delete("lastSeenAt < ?1 or createdAt < ?2",
                now.minus(config.auth().session().idleTimeout()), now.minus(config.auth().session().absoluteTimeout()));
        if (removed > 0) {
            LOG.infof("Removed %d timed-out portal sessions", removed);
        }
        return removed;
    }

    public NewCookie cookie(String token) {
        return new NewCookie.Builder(COOKIE).value(token).path("/").httpOnly(true)
                .secure(config.auth().session().secureCookie()).sameSite(NewCookie.SameSite.LAX).build();
    }

    public NewCookie expiredCookie() {
        return new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true)
                .secure(config.auth().session().secureCookie()).sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }

    /** The learner of a live portal session; empty without one, or for a person the register does not know. */
    public Optional<Long> learnerOf(String token) {
        return find(token).map(session -> session.learnerId);
    }

    /** Where a portal page sends a request without a live session: the portal's login. */
    public static Response toLogin() {
        return Response.seeOther(URI.create("/my-results")).header("Cache-Control", "no-store").build();
    }

    /** The row of a cookie value; null for anything that cannot be one of our ids. */
    private static PortalSession lookup(String token) {
        if (token == null || token.isBlank() || token.length() > 64) {
            return null;
        }
        return PortalSession.findById(SecretTokens.sha256Hex(token));
    }

}
