package org.edurecords.ncp.sharing;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A share link. The access code is never stored, only {@link AccessCodes#hash its slow salted hash}. */
@Entity
@Table(name = "share_link")
public class ShareLink extends PanacheEntityBase {

    /** The public, unguessable id in the link's path. */
    @Id
    public String id;

    @Column(name = "learner_id")
    public long learnerId;

    /** The owner's own label, or null. */
    public String label;

    /** Language tag of the recipient's pages and of the PDF: en or nb. */
    public String language;

    @Column(name = "code_hash")
    public String codeHash;

    @Column(name = "document_id")
    public String documentId;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "deactivated_at")
    public Instant deactivatedAt;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "snapshot_deleted_at")
    public Instant snapshotDeletedAt;

    /** What the link is at this instant; deactivation wins over expiry, both win over a lock. */
    public LinkStatus statusAt(Instant now) {
        if (deactivatedAt != null) {
            return LinkStatus.DEACTIVATED;
        }
        if (!now.isBefore(expiresAt)) {
            return LinkStatus.EXPIRED;
        }
        if (snapshotDeletedAt != null) {
            // Retention never deletes the snapshot of a live link; should it be gone anyway, nothing is shown.
            return LinkStatus.EXPIRED;
        }
        if (lockedUntil != null && now.isBefore(lockedUntil)) {
            return LinkStatus.LOCKED;
        }
        return LinkStatus.ACTIVE;
    }
}
