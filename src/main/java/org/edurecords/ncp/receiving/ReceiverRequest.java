package org.edurecords.ncp.receiving;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A case system's request for an applicant's results: who is expected, which requirement profile applies, and,
 * once answered, the normalised results and their evaluation (JSON). The id is random and is the applicant's link.
 */
@Entity
@Table(name = "receiver_request")
public class ReceiverRequest extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "receiver_id")
    public String receiverId;

    @Column(name = "case_reference")
    public String caseReference;

    /** Why the receiver asks, in its own words, shown to the applicant. */
    public String purpose;

    /** {@link ExpectedPerson} as JSON. */
    @Column(name = "expected_person")
    public String expectedPerson;

    @Column(name = "profile_id")
    public String profileId;

    @Column(name = "profile_version")
    public int profileVersion;

    /** Where the applicant goes when they are done (on one of the receiver's hosts). */
    @Column(name = "applicant_return_url")
    public String applicantReturnUrl;

    public String status;

    public String outcome;

    /** {@link ReceivedResults} of every verified answer together, as JSON. */
    public String results;

    /** The evaluation of the profile over those results, as JSON. */
    public String evaluation;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "evaluated_at")
    public Instant evaluatedAt;

    @Column(name = "purge_at")
    public Instant purgeAt;

    @Version
    @Column(name = "row_version")
    public long rowVersion;
}
