package org.edurecords.ncp.receiving;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One trip of an applicant to an NCP for a request. The id is the {@code sessionId} sent to that NCP, so its answer
 * finds the request; the answer is kept as received, beside what the verifier said about it.
 */
@Entity
@Table(name = "receiver_answer")
public class ReceiverAnswer extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "request_id")
    public String requestId;

    /** The NCP as the applicant chose it (its registry acronym, or this service). */
    public String provider;

    /** The entry URL the applicant was sent to. */
    @Column(name = "provider_url")
    public String providerUrl;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "return_code")
    public String returnCode;

    /** Whether the verifier found no failing step. */
    public Boolean verified;

    /** The verifier's verdict word. */
    public String verdict;

    @Column(name = "learner_match")
    public String learnerMatch;

    @Column(name = "weak_signature")
    public Boolean weakSignature;

    /** The verifier's report, as JSON. */
    public String verification;

    /** The {@code elmo} value exactly as received: base64(gzip(signed ELMO)). */
    public String document;

    /** The PDF transcript attached to the document, base64; null when it had none. */
    public String pdf;

    /** {@link ReceivedResults} of this answer, as JSON. */
    public String results;

    public boolean answered() {
        return receivedAt != null;
    }
}
