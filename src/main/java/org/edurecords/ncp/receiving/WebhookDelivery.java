package org.edurecords.ncp.receiving;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One webhook in the outbox: written in the transaction that evaluated the request, delivered by
 * {@link WebhookOutbox} until the receiver accepts it or {@code ncp.receiving.webhook-retry-for} is over. The id is
 * the {@code Idempotency-Key} the receiver sees on every attempt.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "request_id")
    public String requestId;

    @Column(name = "receiver_id")
    public String receiverId;

    public String url;

    /** The exact body posted (and signed), the same on every attempt. */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the next attempt is due; null once delivered or given up. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    public int attempts;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    @Column(name = "abandoned_at")
    public Instant abandonedAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    @Column(name = "last_error")
    public String lastError;

    public String state() {
        return deliveredAt != null ? "delivered" : abandonedAt != null ? "abandoned" : "pending";
    }
}
