package org.edurecords.ncp.auth;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A logged-in portal visit; the cookie value itself is never stored, only its SHA-256. */
@Entity
@Table(name = "portal_session")
public class PortalSession extends PanacheEntityBase {

    @Id
    @Column(name = "id_hash")
    public String idHash;

    /** Null for a person the identity provider knows but the learner register does not. */
    @Column(name = "learner_id")
    public Long learnerId;

    @Column(name = "login_method")
    public String loginMethod;

    /** The name the identity provider gave, shown to a person the register does not know. */
    @Column(name = "display_name")
    public String displayName;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    /** The raw ID token, kept only when logout should also end the provider's session. */
    @Column(name = "id_token_hint")
    public String idTokenHint;
}
