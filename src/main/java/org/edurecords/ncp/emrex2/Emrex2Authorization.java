package org.edurecords.ncp.emrex2;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The authorization request of an EMREX 2.0 flow: what the code will be bound to. */
@Entity
@Table(name = "emrex2_authorization")
public class Emrex2Authorization extends PanacheEntityBase {

    @Id
    @Column(name = "flow_id")
    public String flowId;

    @Column(name = "client_id")
    public String clientId;

    @Column(name = "redirect_uri")
    public String redirectUri;

    @Column(name = "code_challenge")
    public String codeChallenge;

    public String scope;

    @Column(name = "created_at")
    public Instant createdAt;
}
