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

/** One opening of a link with the right access code. */
@Entity
@Table(name = "share_link_view")
public class ShareView extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "share_link_view_seq")
    @SequenceGenerator(name = "share_link_view_seq", sequenceName = "share_link_view_seq", allocationSize = 50)
    public Long id;

    @Column(name = "link_id")
    public String linkId;

    @Column(name = "viewed_at")
    public Instant viewedAt;
}
