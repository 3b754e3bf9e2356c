package org.edurecords.ncp.competence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One status of a credential, kept for good: the history of a credential shared before it changed. */
@Entity
@Table(name = "credential_status_change")
public class CredentialStatusChangeEntity extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "credential_id")
    public String credentialId;

    public String status;

    public LocalDate since;

    public String reason;

    @Column(name = "recorded_at")
    public Instant recordedAt;
}
