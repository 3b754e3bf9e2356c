package org.edurecords.ncp.receiving;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One attempt to deliver a webhook: when, what the receiver answered (or why there was no answer), how long it took. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_attempt_seq")
    @SequenceGenerator(name = "webhook_attempt_seq", sequenceName = "webhook_attempt_seq", allocationSize = 50)
    public Long id;

    @Column(name = "delivery_id")
    public String deliveryId;

    @Column(name = "attempted_at")
    public Instant attemptedAt;

    @Column(name = "http_status")
    public Integer httpStatus;

    public String error;

    @Column(name = "duration_ms")
    public long durationMs;
}
