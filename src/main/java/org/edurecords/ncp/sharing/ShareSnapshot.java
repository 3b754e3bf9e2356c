package org.edurecords.ncp.sharing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** What a link shows, fixed when it was created: the signed ELMO and the same results as JSON for the page. */
@Entity
@Table(name = "share_link_snapshot")
public class ShareSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "link_id")
    public String linkId;

    /** The signed document exactly as serialized after signing (UTF-8). */
    @Column(name = "signed_elmo")
    public String signedElmo;

    /** {@link SnapshotPayload} as JSON. */
    public String payload;

    /** The credentials of the link in the JSON evidence format, exactly as signed at creation; null when none. */
    public String competence;

    /** The detached JWS over {@link #competence} (its {@code X-Signature}). */
    @Column(name = "competence_signature")
    public String competenceSignature;
}
