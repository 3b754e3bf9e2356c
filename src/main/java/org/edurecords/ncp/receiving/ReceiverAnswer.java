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

    public static final String PROTOCOL_1 = "1.0";
    public static final String PROTOCOL_2 = "2.0";

    @Id
    public String id;

    @Column(name = "request_id")
    public String requestId;

    /** The NCP as the applicant chose it (its registry acronym, or this service). */
    public String provider;

    /** The entry URL the applicant was sent to (for EMREX 2.0, the provider's authorization URL). */
    @Column(name = "provider_url")
    public String providerUrl;

    /** {@code 1.0} (form POST both ways) or {@code 2.0} (authorization code with PKCE, then the back channel). */
    public String protocol = PROTOCOL_1;

    /** EMREX 2.0: the PKCE code verifier, until the code is redeemed; the trip's id is the OAuth2 state. */
    @Column(name = "code_verifier")
    public String codeVerifier;

    /** EMREX 2.0: the check of the provider's {@code X-Signature} over the document, in words. */
    @Column(name = "transport_signature")
    public String transportSignature;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "return_code")
    public String returnCode;

    /** The NCP's message with an error or a cancel, or what went wrong fetching the answer. */
    @Column(name = "return_message")
    public String returnMessage;

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

    /** EMREX 2.0: the competence evidence exactly as the provider served it, base64; null when none came. */
    public String competence;

    /** Its {@code X-Signature} header as received. */
    @Column(name = "competence_signature")
    public String competenceSignature;

    /**
     * What the checks of the competence evidence found ({@link AnswerEvaluation.CheckedCompetence}); null when it
     * was not asked for (the provider's entry does not list the format, or an EMREX 1.0 trip).
     */
    @Column(name = "competence_state")
    public String competenceState;

    /** The check of its {@code X-Signature}, and why it is not of the format, in words; or why it did not come. */
    @Column(name = "competence_check")
    public String competenceCheck;

    /** The evidence's learner against the expected person: {@code MATCH}, {@code PARTIAL}, {@code MISMATCH}. */
    @Column(name = "competence_learner_match")
    public String competenceLearnerMatch;

    public boolean answered() {
        return receivedAt != null;
    }
}
