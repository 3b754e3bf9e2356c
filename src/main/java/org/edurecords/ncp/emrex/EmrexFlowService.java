package org.edurecords.ncp.emrex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.ledger.DisclosedResult;
import org.edurecords.ncp.ledger.Disclosure;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.SecretTokens;
import org.jboss.logging.Logger;

/**
 * The EMREX flow state machine: received → authenticated → selected → answered, or cancelled /
 * expired from any open state. Every answer is a conditional update, so a flow answers exactly once
 * even when the browser resubmits or two instances race.
 */
@ApplicationScoped
public class EmrexFlowService {

    private static final Logger LOG = Logger.getLogger(EmrexFlowService.class);
    private static final List<EmrexSession.State> OPEN = List.of(EmrexSession.State.RECEIVED,
            EmrexSession.State.AUTHENTICATED, EmrexSession.State.SELECTED);

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    DisclosureLedger ledger;

    @Inject
    KnownReceivers receivers;

    @Inject
    org.edurecords.ncp.web.PageContext page;

    /** Every return code's counter exists from start-up, at zero, so dashboards and alerts see a series before the first transfer. */
    void registerMeters(@Observes StartupEvent event) {
        for (ReturnCode code : ReturnCode.values()) {
            metrics.counter("ncp.transfers", "code", wire(code));
        }
        metrics.timer("ncp.sign.time");
    }

    /** A new flow and the secret that binds it to the browser (sent as a cookie, stored only hashed). */
    public record NewFlow(EmrexSession session, String browserSecret) {
    }

    @Transactional
    public NewFlow start(EntryRequest request, Locale locale) {
        Instant now = clock.instant();
        String secret = SecretTokens.random(32);
        EmrexSession session = new EmrexSession();
        session.id = SecretTokens.random(32);
        session.sessionId = request.sessionId();
        session.returnUrl = request.returnUrl().toString();
        session.state = EmrexSession.State.RECEIVED;
        session.browserKey = SecretTokens.sha256Hex(secret);
        session.locale = locale.toLanguageTag();
        session.createdAt = now;
        session.updatedAt = now;
        session.expiresAt = now.plus(config.emrex().sessionExpiry());
        session.persist();
        LOG.infof("EMREX flow %s started for return host %s", session.id, LogSafe.of(request.returnUrl().getHost()));
        return new NewFlow(session, secret);
    }

    @Transactional
    public Optional<EmrexSession> find(String flowId) {
        if (flowId == null || flowId.length() > 64) {
            return Optional.empty();
        }
        return EmrexSession.findByIdOptional(flowId);
    }

    public boolean belongsToBrowser(EmrexSession session, String browserSecret) {
        return sameHash(session.browserKey, browserSecret);
    }

    /**
     * True when this browser still holds the secret from before the login, while the flow is logged in but has not
     * moved on: the answer to the login (with the new secret) never reached the browser, e.g. because the instance
     * that served it stopped. Any later step proves the new secret arrived.
     */
    public boolean lostItsLoginAnswer(EmrexSession session, String browserSecret) {
        return session.state == EmrexSession.State.AUTHENTICATED && sameHash(session.previousBrowserKey, browserSecret);
    }

    /**
     * Takes a flow whose login answer was lost back to the login, with the browser's secret as it is: the learner and
     * the results fetched for them are forgotten, nothing was disclosed. Returns false when the flow changed meanwhile.
     */
    @Transactional
    public boolean backToLogin(String flowId, String browserSecret) {
        String previous = SecretTokens.sha256Hex(browserSecret);
        int updated = EmrexSession.update("state = ?1, learnerId = null, selection = null, browserKey = ?2,"
                + " previousBrowserKey = null, updatedAt = ?3, version = version + 1"
                + " where id = ?4 and state = ?5 and previousBrowserKey = ?2",
                EmrexSession.State.RECEIVED, previous, clock.instant(), flowId, EmrexSession.State.AUTHENTICATED);
        if (updated == 1) {
            ResultSnapshot.deleteById(flowId);
            LOG.infof("EMREX flow %s: the login's answer did not reach the browser; back to the login", flowId);
        }
        return updated == 1;
    }

    /** Notes the identity provider login this browser starts; returns the token that travels with it. */
    @Transactional
    public String startLoginAttempt(String flowId) {
        String token = SecretTokens.random(16);
        EmrexSession.update("loginAttempt = ?1 where id = ?2 and state = ?3", SecretTokens.sha256Hex(token), flowId,
                EmrexSession.State.RECEIVED);
        return token;
    }

    /** Whether an identity provider's error answer carries the token of the login this flow started. */
    public boolean isLoginAttempt(EmrexSession session, String token) {
        return sameHash(session.loginAttempt, token);
    }

    private static boolean sameHash(String storedHash, String secret) {
        return storedHash != null && secret != null && secret.length() <= 128
                && MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
                        SecretTokens.sha256Hex(secret).getBytes(StandardCharsets.US_ASCII));
    }

    public boolean isExpired(EmrexSession session) {
        return session.isExpired(clock.instant());
    }

    /**
     * Records the logged-in learner and rotates the browser secret, so that a flow cookie seen before
     * the login is worthless after it. Returns the new secret, or empty when the flow was no longer
     * waiting for a login.
     */
    @Transactional
    public Optional<String> authenticated(String flowId, long learnerId) {
        Instant now = clock.instant();
        String secret = SecretTokens.random(32);
        int updated = EmrexSession.update(
                "state = ?1, learnerId = ?2, updatedAt = ?3, previousBrowserKey = browserKey, browserKey = ?6,"
                        + " loginAttempt = null, version = version + 1"
                        + " where id = ?4 and state = ?5 and expiresAt > ?3",
                EmrexSession.State.AUTHENTICATED, learnerId, now, flowId, EmrexSession.State.RECEIVED,
                SecretTokens.sha256Hex(secret));
        return updated == 1 ? Optional.of(secret) : Optional.empty();
    }

    @Transactional
    public boolean selected(String flowId, Set<Long> selection) {
        EmrexSession session = EmrexSession.findById(flowId);
        if (session == null || session.learnerId == null || !session.state.isOpen()
                || session.state == EmrexSession.State.RECEIVED || session.isExpired(clock.instant())) {
            return false;
        }
        session.select(selection);
        session.state = EmrexSession.State.SELECTED;
        session.previousBrowserKey = null;
        session.updatedAt = clock.instant();
        return true;
    }

    /**
     * Closes an open flow with the given code. Returns false when the flow was no longer open (already
     * answered in another request), in which case nothing may be posted.
     *
     * @param expectedVersion when not null, the flow must still be exactly the version the student confirmed
     */
    @Transactional
    public boolean close(String flowId, ReturnCode code, Long expectedVersion) {
        return close(flowId, code, expectedVersion, null, List.of());
    }

    /**
     * Closes an open flow and, when the learner is known, records the answer in the disclosure ledger in
     * the same transaction: the answer may be sent only after this returned true.
     *
     * @param documentId the signed document sent with an OK answer, or null
     * @param disclosed the results in that document; empty for any other answer
     */
    @Transactional
    public boolean close(String flowId, ReturnCode code, Long expectedVersion, String documentId,
            List<DisclosedResult> disclosed) {
        Instant now = clock.instant();
        EmrexSession.State target = switch (code) {
            case CANCEL -> EmrexSession.State.CANCELLED;
            default -> EmrexSession.State.ANSWERED;
        };
        String query = "state = ?1, returnCode = ?2, answeredAt = ?3, updatedAt = ?3, version = version + 1"
                + " where id = ?4 and state in ?5";
        int updated = expectedVersion == null
                ? EmrexSession.update(query, target, wire(code), now, flowId, OPEN)
                : EmrexSession.update(query + " and version = ?6 and state = ?7", target, wire(code), now, flowId, OPEN,
                        expectedVersion, EmrexSession.State.SELECTED);
        if (updated == 1) {
            recordAnswer(flowId, wire(code), now, documentId, disclosed);
            LOG.infof("EMREX flow %s answered %s", flowId, wire(code));
            metrics.counter("ncp.transfers", "code", wire(code)).increment();
        }
        return updated == 1;
    }

    /** Marks an open flow whose time ran out; the caller then answers NCP_ERROR "session expired". */
    @Transactional
    public boolean expire(String flowId) {
        Instant now = clock.instant();
        int updated = EmrexSession.update(
                "state = ?1, returnCode = ?2, answeredAt = ?3, updatedAt = ?3, version = version + 1 where id = ?4 and state in ?5",
                EmrexSession.State.EXPIRED, wire(ReturnCode.ERROR), now, flowId, OPEN);
        if (updated == 1) {
            recordAnswer(flowId, wire(ReturnCode.ERROR), now, null, List.of());
            LOG.infof("EMREX flow %s expired", flowId);
            metrics.counter("ncp.transfers", "code", wire(ReturnCode.ERROR)).increment();
        }
        return updated == 1;
    }

    /** An answer to a client about a known learner is a disclosure (of results, or of the fact of a request). */
    private void recordAnswer(String flowId, String wireCode, Instant now, String documentId,
            List<DisclosedResult> disclosed) {
        EmrexSession session = EmrexSession.findById(flowId);
        if (session == null || session.learnerId == null) {
            return;
        }
        // The recipient as the student was shown it before confirming: the receiver's name and the host, in the
        // language of the page the student answered on (the flow's first language when no page is involved).
        Locale shown = io.quarkus.arc.Arc.container().requestContext().isActive() && page.locale() != null
                ? page.locale()
                : session.locale == null ? Locale.ENGLISH : Locale.forLanguageTag(session.locale);
        ledger.record(Disclosure.emrexTransfer(session.learnerId, receivers.label(session.returnUrl, shown), wireCode,
                documentId, disclosed), now);
    }

    public EmrexAnswer answer(EmrexSession session, ReturnCode code, String message, String elmo) {
        return new EmrexAnswer(session.returnUrl, session.sessionId, wire(code), message == null ? "" : message,
                elmo == null ? "" : elmo);
    }

    public String wire(ReturnCode code) {
        return code.wireValue(config.emrex().returnCodeFamily());
    }

}
