package org.edurecords.ncp.sharing;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A recipient's browser that entered the right code; the cookie value itself is never stored. */
@Entity
@Table(name = "share_link_grant")
public class ShareGrant extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "link_id")
    public String linkId;

    @Column(name = "expires_at")
    public Instant expiresAt;
}
