package org.edurecords.ncp.admin;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One import of one learner's results from one institution; its hash makes re-imports idempotent. */
@Entity
@Table(name = "result_import")
public class ResultImportEntity extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "institution_id")
    public Long institutionId;
    @Column(name = "learner_id")
    public Long learnerId;
    @Column(name = "content_hash")
    public String contentHash;
    public String format;
    public int opportunities;
    @Column(name = "imported_at")
    public Instant importedAt;
}
