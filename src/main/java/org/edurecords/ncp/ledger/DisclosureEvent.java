package org.edurecords.ncp.ledger;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * One row of the disclosure ledger. Immutable: Hibernate never issues an update for it, and
 * {@link DisclosureLedger} is the only writer (insert only).
 */
@Entity
@Immutable
@Table(name = "disclosure_event")
public class DisclosureEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "disclosure_event_seq")
    @SequenceGenerator(name = "disclosure_event_seq", sequenceName = "disclosure_event_seq", allocationSize = 50)
    public Long id;

    @Column(name = "learner_id")
    public long learnerId;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    @Enumerated(EnumType.STRING)
    public DisclosureKind kind;

    public String recipient;

    @Column(name = "return_code")
    public String returnCode;

    @Column(name = "share_link_id")
    public String shareLinkId;

    @Column(name = "document_id")
    public String documentId;

    public String label;

    /** EMREX 2.0: the reference id of the consent. */
    public String reference;

    /** JSON array of {@link DisclosedResult}; read it through {@link DisclosureLedger#resultsOf}. */
    public String results;
}
