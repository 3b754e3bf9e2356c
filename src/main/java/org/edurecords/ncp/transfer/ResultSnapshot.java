package org.edurecords.ncp.transfer;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The results the sources delivered at login, kept for the rest of one transfer (JSON). */
@Entity
@Table(name = "result_snapshot")
public class ResultSnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "flow_id")
    public String flowId;

    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;
}
