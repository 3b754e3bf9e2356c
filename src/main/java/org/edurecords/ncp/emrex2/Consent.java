package org.edurecords.ncp.emrex2;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * What a student consented to give one client, fixed when they confirmed: the signed document exactly as the
 * preview showed it, or nothing when they had no results. Identified by the reference id ({@code ref_id}) that the
 * code and the token are bound to. The ledger row of the consent stays when this row is purged.
 */
@Entity
@Table(name = "emrex2_consent")
public class Consent extends PanacheEntityBase {

    @Id
    @Column(name = "ref_id")
    public String refId;

    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "learner_id")
    public Long learnerId;

    /** The client as the student saw it, for the ledger rows of later retrievals. */
    public String recipient;

    @Column(name = "document_id")
    public String documentId;

    /** base64(gzip(signed ELMO)), or null when the student had no results. */
    public String document;

    /** base64 of the signed PDF transcript in that document. */
    public String pdf;

    public String scope;

    /** The JSON evidence of the consented credentials ({@code data_format=competence}), or null when none. */
    public String competence;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public boolean hasResults() {
        return document != null;
    }

    public boolean hasCredentials() {
        return competence != null;
    }
}
