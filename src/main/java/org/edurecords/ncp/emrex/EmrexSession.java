package org.edurecords.ncp.emrex;

import java.time.Instant;
import java.util.Arrays;
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

    public enum State {
        RECEIVED, AUTHENTICATED, SELECTED, ANSWERED, CANCELLED, EXPIRED;

        public boolean isOpen() {
            return this == RECEIVED || this == AUTHENTICATED || this == SELECTED;
        }
    }

    /** The flow id in our URLs; random, never the client's sessionId. */
    @Id
    public String id;

    /** The client's opaque sessionId, echoed byte for byte. */
    @Column(name = "session_id")
    public String sessionId;

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

    public boolean isExpired(Instant now) {
        return state.isOpen() && now.isAfter(expiresAt);
    }
}
