package org.edurecords.ncp.emrex2;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** The {@code jti} of a client assertion that was accepted, until the assertion expires. */
@Entity
@Table(name = "emrex2_assertion")
@IdClass(SeenAssertion.Key.class)
public class SeenAssertion extends PanacheEntityBase {

    @Id
    @Column(name = "client_id")
    public String clientId;

    @Id
    public String jti;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public static class Key implements Serializable {
        public String clientId;
        public String jti;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(clientId, k.clientId) && Objects.equals(jti, k.jti);
        }

        @Override
        public int hashCode() {
            return Objects.hash(clientId, jti);
        }
    }
}
