package org.edurecords.ncp.competence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A credential row (V19); the kind's attributes are JSON in {@link #details}, texts are JSON maps by language. */
@Entity
@Table(name = "credential")
public class CredentialEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "learner_id")
    public long learnerId;

    /** The register that issued it, as its imports name it. */
    public String source;

    /** The register's own key of the credential: the same key again is the same credential. */
    @Column(name = "source_key")
    public String sourceKey;

    public String kind;

    /** The title per language, as a JSON object. */
    public String title;

    @Column(name = "issuer_name")
    public String issuerName;

    @Column(name = "issuer_country")
    public String issuerCountry;

    @Column(name = "issuer_id")
    public String issuerId;

    @Column(name = "issued_on")
    public LocalDate issuedOn;

    public String number;

    @Column(name = "valid_from")
    public LocalDate validFrom;

    @Column(name = "valid_to")
    public LocalDate validTo;

    public String status;

    @Column(name = "status_since")
    public LocalDate statusSince;

    public String details;

    /** SHA-256 of the imported content: an import of the same content changes nothing. */
    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "imported_at")
    public Instant importedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
