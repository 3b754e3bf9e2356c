package org.edurecords.ncp.receiving;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A case worker's session: the receiver they work for, stored under the hash of the browser's token. */
@Entity
@Table(name = "case_worker_session")
public class CaseWorkerSession extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "receiver_id")
    public String receiverId;

    @Column(name = "display_name")
    public String displayName;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "last_seen_at")
    public Instant lastSeenAt;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
