package org.edurecords.ncp.auth;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A demo login account; only read when the demo login is enabled, never in production. */
@Entity
@Table(name = "demo_account")
public class DemoAccount extends PanacheEntityBase {

    @Id
    public String username;
    public String password;
    @Column(name = "learner_id")
    public Long learnerId;
}
