package org.edurecords.ncp.receiving;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.NewCookie;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex.KnownReceivers;
import org.edurecords.ncp.emrex.Receiver;
import org.edurecords.ncp.web.SecretTokens;

/**
 * Who may see a receiver's requests on the case workers' pages: the holder of the role {@code receiver:<id>} in the
 * ID token of the product's OIDC login (or, in the demo, a demo case worker). A login gives a session of its own,
 * bound to that one receiver, with an idle and an absolute timeout.
 */
@ApplicationScoped
public class CaseWorkerSessions {

    private static final Logger LOG = Logger.getLogger(CaseWorkerSessions.class);
    public static final String COOKIE = "ncp-case-worker";
    static final String DEMO_PASSWORD = "demo";

    @Inject
    NcpConfig config;

    @Inject
    KnownReceivers receivers;

    @Inject
    Clock clock;

    /** The receivers the roles name, in the order given; unknown receivers are ignored. */
    public List<Receiver> receiversOf(Collection<String> roles) {
        String prefix = config.receiving().caseWorker().rolePrefix();
        return roles.stream().map(String::strip).filter(r -> r.startsWith(prefix))
                .map(r -> r.substring(prefix.length())).distinct().map(receivers::byId).flatMap(Optional::stream)
                .toList();
    }

    /** The receiver of a demo case worker, when the demo login is on and the name and password are right. */
    public Optional<Receiver> demo(String username, String password) {
        if (!config.demo().loginEnabled() || username == null || !DEMO_PASSWORD.equals(password)) {
            return Optional.empty();
        }
        return Optional.ofNullable(config.receiving().caseWorker().demoAccounts().get(username.strip()
                .toLowerCase(Locale.ROOT))).flatMap(receivers::byId);
    }

    /** A new session for this receiver; the token goes to the browser, its hash to the database. */
    @Transactional
    public String start(Receiver receiver, String displayName, String method) {
        String token = SecretTokens.random(32);
        Instant now = clock.instant();
        CaseWorkerSession session = new CaseWorkerSession();
        session.tokenHash = SecretTokens.sha256Hex(token);
        session.receiverId = receiver.id();
        session.displayName = displayName == null ? null : displayName.length() > 256 ? displayName.substring(0, 256)
                : displayName;
        session.createdAt = now;
        session.lastSeenAt = now;
        session.expiresAt = now.plus(config.receiving().caseWorker().absoluteTimeout());
        session.persist();
        LOG.infof("Case worker session started for receiver %s (%s login)", receiver.id(), method);
        return token;
    }

    /** The session of this token when it is still valid; using it keeps it alive. */
    @Transactional
    public Optional<CaseWorkerSession> current(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            return Optional.empty();
        }
        CaseWorkerSession session = CaseWorkerSession.findById(SecretTokens.sha256Hex(token));
        Instant now = clock.instant();
        if (session == null || !now.isBefore(session.expiresAt)
                || !now.isBefore(session.lastSeenAt.plus(config.receiving().caseWorker().idleTimeout()))
                || receivers.byId(session.receiverId).isEmpty()) {
            return Optional.empty();
        }
        session.lastSeenAt = now;
        return Optional.of(session);
    }

    @Transactional
    public void end(String token) {
        if (token != null && token.length() <= 100) {
            CaseWorkerSession.deleteById(SecretTokens.sha256Hex(token));
        }
    }

    public NewCookie cookie(String token) {
        return new NewCookie.Builder(COOKIE).value(token).path(CaseWorkerResource.PATH).httpOnly(true)
                .secure(config.auth().session().secureCookie()).sameSite(NewCookie.SameSite.LAX).build();
    }

    public NewCookie expiredCookie() {
        return new NewCookie.Builder(COOKIE).value("").path(CaseWorkerResource.PATH).httpOnly(true)
                .secure(config.auth().session().secureCookie()).sameSite(NewCookie.SameSite.LAX).maxAge(0).build();
    }

    @Scheduled(every = "${ncp.operations.purge-every:15m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purge() {
        Instant now = clock.instant();
        CaseWorkerSession.delete("expiresAt <= ?1 or lastSeenAt <= ?2", now,
                now.minus(config.receiving().caseWorker().idleTimeout()));
    }
}
