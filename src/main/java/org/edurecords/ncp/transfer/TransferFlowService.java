package org.edurecords.ncp.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.panache.common.Parameters;
import io.quarkus.runtime.StartupEvent;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.ledger.DisclosedResult;
import org.edurecords.ncp.ledger.Disclosure;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.SecretTokens;
import org.hibernate.query.NativeQuery;
import org.jboss.logging.Logger;

/**
 * The transfer state machine, the same for every protocol: received → authenticated → selected → answered, or
 * cancelled / expired from any open state ({@link EmrexSession#TRANSITIONS}). Every change of state is one
 * conditional update from the states the table allows ({@link #move}), so a flow answers exactly once even when the
 * browser resubmits or two instances race.
 */
@ApplicationScoped
public class TransferFlowService {

    private static final Logger LOG = Logger.getLogger(TransferFlowService.class);

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    @Inject
    DisclosureLedger ledger;

    @Inject
    @Any
    Instance<TransferProtocol> protocolBeans;

    @Inject
    org.edurecords.ncp.web.PageContext page;

    private volatile Map<String, TransferProtocol> protocols;

    /** Every outcome's counter of every protocol exists from start-up, at zero, so dashboards see a series at once. */
    void registerMeters(@Observes StartupEvent event) {
        for (TransferProtocol protocol : protocols().values()) {
            for (Outcome outcome : Outcome.values()) {
                metrics.counter("ncp.transfers", "code", protocol.code(outcome));
            }
        }
        metrics.timer("ncp.sign.time");
        metrics.timer(TransferDocumentService.DOCUMENT_TIMER);
        TransferDocumentService.cpuCounter(metrics);
    }

    public TransferProtocol protocolOf(EmrexSession session) {
        TransferProtocol protocol = protocols().get(session.protocol);
        if (protocol == null) {
            throw new IllegalStateException("No protocol " + session.protocol);
        }
        return protocol;
    }

    private Map<String, TransferProtocol> protocols() {
        if (protocols == null) {
            protocols = protocolBeans.stream().collect(Collectors.toUnmodifiableMap(TransferProtocol::id,
                    Function.identity()));
        }
        return protocols;
    }

    /** A new flow and the secret that binds it to the browser (sent as a cookie, stored only hashed). */
    public record NewFlow(EmrexSession session, String browserSecret) {
    }

    /**
     * Stores a new flow. Called inside the protocol's own transaction when it keeps more about the request
     * (EMREX 2.0), otherwise in its own.
     *
     * @param clientValue the value the client gets back unchanged (1.0 {@code sessionId}, 2.0 {@code state})
     * @param returnUrl where the answer goes
     */
    @Transactional
    public NewFlow start(String protocol, String clientValue, String returnUrl, Locale locale) {
        Instant now = clock.instant();
        String secret = SecretTokens.random(32);
        EmrexSession session = new EmrexSession();
        session.id = SecretTokens.random(32);
        session.protocol = protocol;
        session.sessionId = clientValue;
        session.returnUrl = returnUrl;
        session.state = EmrexSession.State.RECEIVED;
        session.browserKey = SecretTokens.sha256Hex(secret);
        session.locale = locale.toLanguageTag();
        session.createdAt = now;
        session.updatedAt = now;
        session.expiresAt = now.plus(config.emrex().sessionExpiry());
        session.persist();
        LOG.infof("Transfer %s (%s) started for return host %s", session.id, protocol,
                LogSafe.of(java.net.URI.create(returnUrl).getHost()));
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
        boolean moved = move(flowId, EmrexSession.State.AUTHENTICATED, EmrexSession.State.RECEIVED,
                "learner_id = null, selection = null, browser_key = :previous, previous_browser_key = null",
                " and previous_browser_key = :previous", Parameters.with("previous", previous));
        if (moved) {
            ResultSnapshot.deleteById(flowId);
            LOG.infof("Transfer %s: the login's answer did not reach the browser; back to the login", flowId);
        }
        return moved;
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
        String secret = SecretTokens.random(32);
        boolean moved = move(flowId, EmrexSession.State.RECEIVED, EmrexSession.State.AUTHENTICATED,
                "learner_id = :learner, previous_browser_key = browser_key, browser_key = :key, login_attempt = null",
                " and expires_at > :now",
                Parameters.with("learner", learnerId).and("key", SecretTokens.sha256Hex(secret)));
        return moved ? Optional.of(secret) : Optional.empty();
    }

    /** Keeps the student's selection; from the selection page (logged in) or again from the preview. */
    @Transactional
    public boolean selected(String flowId, Set<Long> selection, Set<String> credentials) {
        String ids = selection.stream().map(String::valueOf).collect(Collectors.joining(","));
        String credentialIds = credentials.isEmpty() ? null : String.join(",", credentials);
        return move(flowId, EmrexSession.State.SELECTED,
                "selection = :selection, credential_selection = :credentials, previous_browser_key = null",
                " and learner_id is not null and expires_at > :now",
                Parameters.with("selection", ids).and("credentials", credentialIds));
    }

    /**
     * Closes an open flow and, when the learner is known, records the answer in the disclosure ledger and lets the
     * protocol store what it delivers, all in one transaction: the answer may be sent only when this returned one.
     *
     * @param expectedVersion when not null, the flow must still be exactly the version the student confirmed
     * @param document the signed document of an OK answer, or null
     * @param disclosed the results in that document; empty for any other answer
     * @return how the answer reaches the receiver; empty when the flow was no longer open (answered in another
     *         request), in which case nothing may be sent
     */
    @Transactional
    public Optional<Delivery> close(EmrexSession session, Outcome outcome, String message, Long expectedVersion,
            SignedTransfer document, List<DisclosedResult> disclosed) {
        return close(session, outcome, message, expectedVersion, document, disclosed, null);
    }

    /**
     * The same, for an answer that also carries credentials outside ELMO.
     *
     * @param competence the JSON evidence of the credentials the student confirmed, or null
     */
    @Transactional
    public Optional<Delivery> close(EmrexSession session, Outcome outcome, String message, Long expectedVersion,
            SignedTransfer document, List<DisclosedResult> disclosed, byte[] competence) {
        TransferProtocol protocol = protocolOf(session);
        EmrexSession.State target = outcome == Outcome.CANCEL ? EmrexSession.State.CANCELLED
                : EmrexSession.State.ANSWERED;
        String code = protocol.code(outcome);
        boolean moved = expectedVersion == null
                ? move(session.id, target, "return_code = :code, answered_at = :now", "", Parameters.with("code", code))
                : move(session.id, EmrexSession.State.SELECTED, target, "return_code = :code, answered_at = :now",
                        " and version = :expected", Parameters.with("code", code).and("expected", expectedVersion));
        if (!moved) {
            return Optional.empty();
        }
        recordAnswer(session.id, protocol, code, document == null ? null : document.documentId(), disclosed);
        LOG.infof("Transfer %s answered %s", session.id, code);
        metrics.counter("ncp.transfers", "code", code).increment();
        return Optional.of(protocol.deliver(session, outcome, message == null ? "" : message, document, competence));
    }

    /** Ends an open flow whose time ran out; the protocol then tells the receiver "session expired". */
    @Transactional
    public Optional<Delivery> expire(EmrexSession session) {
        TransferProtocol protocol = protocolOf(session);
        String code = protocol.code(Outcome.ERROR);
        if (!move(session.id, EmrexSession.State.EXPIRED, "return_code = :code, answered_at = :now", "",
                Parameters.with("code", code))) {
            return Optional.empty();
        }
        recordAnswer(session.id, protocol, code, null, List.of());
        LOG.infof("Transfer %s expired", session.id);
        metrics.counter("ncp.transfers", "code", code).increment();
        return Optional.of(protocol.deliver(session, Outcome.ERROR, "Session expired", null));
    }

    /** A move from every state the table allows to reach {@code to}. */
    private boolean move(String flowId, EmrexSession.State to, String set, String condition, Parameters parameters) {
        return update(flowId, to.reachedFrom(), to, set, condition, parameters);
    }

    /** A move from one given state (which the table must allow). */
    private boolean move(String flowId, EmrexSession.State from, EmrexSession.State to, String set, String condition,
            Parameters parameters) {
        if (!from.mayMoveTo(to)) {
            throw new IllegalStateException("No transition " + from + " → " + to);
        }
        return update(flowId, Set.of(from), to, set, condition, parameters);
    }

    /**
     * The one way a flow changes state: a conditional update that also bumps the version the preview shows. In SQL
     * ({@code set} and {@code condition} name columns): Hibernate translates a query-language update again on every
     * execution, which was about a third of the update's cost on each step.
     */
    private boolean update(String flowId, Set<EmrexSession.State> from, EmrexSession.State to, String set,
            String condition, Parameters parameters) {
        Map<String, Object> values = new HashMap<>(parameters.map());
        values.put("to", to.name());
        values.put("now", clock.instant());
        values.put("id", flowId);
        NativeQuery<?> update = EmrexSession.getEntityManager().createNativeQuery("update emrex_session set state = :to, "
                + set + ", updated_at = :now, version = version + 1 where id = :id and state in (:from)" + condition)
                .unwrap(NativeQuery.class).addSynchronizedEntityClass(EmrexSession.class);
        update.setParameterList("from", from.stream().map(Enum::name).sorted().toList(), String.class);
        // Typed, so that a null (no credentials chosen) is bound as the text it stands for on every database.
        values.forEach((name, value) -> bind(update, name, value));
        return update.executeUpdate() == 1;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void bind(NativeQuery<?> query, String name, Object value) {
        Class type = value == null ? String.class : value.getClass();
        query.setParameter(name, value, type);
    }

    /** An answer to a client about a known learner is a disclosure (of results, or of the fact of a request). */
    private void recordAnswer(String flowId, TransferProtocol protocol, String code, String documentId,
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
        ledger.record(Disclosure.emrexTransfer(session.learnerId, protocol.recipient(session, shown), code,
                documentId, disclosed, protocol.consentReference(session)), clock.instant());
    }
}
