package org.edurecords.ncp.transfer;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The state of one EMREX transfer. Kept in the database, keyed by an unguessable id, so that two
 * transfers in two tabs never mix and any instance of the service can continue a flow.
 */
@Entity
@Table(name = "emrex_session")
public class EmrexSession extends PanacheEntityBase {

    /**
     * The states of a transfer, the same for every protocol. {@link #TRANSITIONS} is the whole table: every state
     * change is a conditional update from the states the table allows ({@link TransferFlowService}).
     */
    public enum State {
        RECEIVED, AUTHENTICATED, SELECTED, ANSWERED, CANCELLED, EXPIRED;

        public boolean isOpen() {
            return this == RECEIVED || this == AUTHENTICATED || this == SELECTED;
        }

        /** The states this one may be reached from. */
        public Set<State> reachedFrom() {
            return TRANSITIONS.entrySet().stream().filter(e -> e.getValue().contains(this)).map(Map.Entry::getKey)
                    .collect(Collectors.toUnmodifiableSet());
        }

        public boolean mayMoveTo(State next) {
            return TRANSITIONS.get(this).contains(next);
        }
    }

    /**
     * From each state, where a flow may go: logged in (and back to the login when the login's answer was lost,
     * ADR 0206), selected (again, from the preview), answered with results or without, cancelled, or expired. The
     * ends are final.
     */
    public static final Map<State, Set<State>> TRANSITIONS = transitions();

    private static Map<State, Set<State>> transitions() {
        Map<State, Set<State>> table = new EnumMap<>(State.class);
        Set<State> ends = EnumSet.of(State.ANSWERED, State.CANCELLED, State.EXPIRED);
        table.put(State.RECEIVED, union(EnumSet.of(State.AUTHENTICATED), ends));
        table.put(State.AUTHENTICATED, union(EnumSet.of(State.RECEIVED, State.SELECTED), ends));
        table.put(State.SELECTED, union(EnumSet.of(State.SELECTED), ends));
        for (State end : ends) {
            table.put(end, EnumSet.noneOf(State.class));
        }
        table.replaceAll((state, next) -> Collections.unmodifiableSet(next));
        return Collections.unmodifiableMap(table);
    }

    private static Set<State> union(Set<State> a, Set<State> b) {
        Set<State> all = EnumSet.copyOf(a);
        all.addAll(b);
        return all;
    }

    /** The protocol the flow came in by ({@link TransferProtocol#id()}): {@code emrex1} or {@code emrex2}. */
    public String protocol;

    /** The flow id in our URLs; random, never the client's sessionId. */
    @Id
    public String id;

    /** The client's opaque value, echoed byte for byte: EMREX 1.0 {@code sessionId}, EMREX 2.0 {@code state}. */
    @Column(name = "session_id")
    public String sessionId;

    /** Where the answer goes: EMREX 1.0 {@code returnUrl}, EMREX 2.0 {@code redirect_uri}. */
    @Column(name = "return_url")
    public String returnUrl;

    @Enumerated(EnumType.STRING)
    public State state;

    /** SHA-256 of the flow cookie that binds the flow to the browser that started it. */
    @Column(name = "browser_key")
    public String browserKey;

    /** The browser secret from before the login (hashed), until the browser shows the new one (ADR 0206). */
    @Column(name = "previous_browser_key")
    public String previousBrowserKey;

    /** Hash of the token of the identity provider login this browser started, for its error answer (ADR 0206). */
    @Column(name = "login_attempt")
    public String loginAttempt;

    @Column(name = "learner_id")
    public Long learnerId;

    /** Selected learning opportunity ids, comma separated. */
    public String selection;

    /**
     * Ticked credentials that travel outside ELMO (EMREX 2.0 {@code data_format=competence}), comma separated ids;
     * upper-secondary and vocational results are in {@link #selection} like any result.
     */
    @Column(name = "credential_selection")
    public String credentialSelection;

    public String locale;

    @Column(name = "return_code")
    public String returnCode;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "answered_at")
    public Instant answeredAt;

    @Version
    public long version;

    public Set<Long> selectedIds() {
        if (selection == null || selection.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(selection.split(",")).map(Long::valueOf)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public void select(Set<Long> ids) {
        selection = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    public Set<String> selectedCredentials() {
        if (credentialSelection == null || credentialSelection.isBlank()) {
            return Set.of();
        }
        return new LinkedHashSet<>(Arrays.asList(credentialSelection.split(",")));
    }

    public boolean isExpired(Instant now) {
        return state.isOpen() && now.isAfter(expiresAt);
    }
}
