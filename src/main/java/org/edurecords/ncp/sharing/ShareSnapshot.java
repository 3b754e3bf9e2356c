package org.edurecords.ncp.sharing;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a link shows, fixed when it was created: the signed ELMO and the same results as JSON for the page, the
 * signed evidence of its credentials and, with credentials, a signed PDF of its own.
 */
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

    /**
     * base64 of the link's sealed PDF when it carries credentials (its results and a section per kind); null for a
     * link of results only, whose PDF is the one inside {@link #signedElmo}.
     */
    @Column(name = "signed_pdf")
    public String signedPdf;
}
