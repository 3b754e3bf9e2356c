package org.edurecords.ncp.emrex2;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An access token, kept only as its hash, good for one consent until it expires or is revoked. */
@Entity
@Table(name = "emrex2_token")
public class AccessToken extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "ref_id")
    public String refId;

    @Column(name = "client_id")
    public String clientId;

    public String scope;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
