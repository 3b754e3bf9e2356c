package org.edurecords.ncp.sharing;

import java.time.Instant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One wrong access code entered for a link, with the pseudonym of the network it came from ({@link AttemptSources}). */
@Entity
@Table(name = "share_link_attempt")
public class ShareAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "share_link_attempt_seq")
    @SequenceGenerator(name = "share_link_attempt_seq", sequenceName = "share_link_attempt_seq", allocationSize = 50)
    public Long id;

    @Column(name = "link_id")
    public String linkId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    /** Null for attempts stored before networks were counted. */
    public String source;
}
