package org.edurecords.ncp.competence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.edurecords.ncp.results.LocalizedText;

/**
 * One credential of a learner, as the store holds it.
 *
 * @param source    the register that issued it; {@code sourceKey} is its key there
 * @param details  the kind's attributes: an instance of {@link CredentialDetails#typeOf(CredentialKind)}
 * @param status   the status the register last gave it; see {@link #statusOn(LocalDate)}
 * @param history  every status it has had, oldest first
 */
public record Credential(String id, String source, String sourceKey, CredentialKind kind, LocalizedText title, String issuerName, String issuerCountry,
        String issuerId, LocalDate issuedOn, String number, LocalDate validFrom, LocalDate validTo,
        CredentialStatus status, LocalDate statusSince, Object details, List<StatusChange> history) {

    /** A status the credential had from a day on, as recorded at a time. */
    public record StatusChange(CredentialStatus status, LocalDate since, String reason, Instant recordedAt) {
    }

    public Credential {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** The status on a day: a valid credential whose validity ended before that day is expired. */
    public CredentialStatus statusOn(LocalDate day) {
        if (status == CredentialStatus.VALID && validTo != null && validTo.isBefore(day)) {
            return CredentialStatus.EXPIRED;
        }
        return status;
    }

    /** The day the status on {@code day} began: the end of validity for an expiry the register did not record. */
    public LocalDate statusSinceOn(LocalDate day) {
        return statusOn(day) == CredentialStatus.EXPIRED && status == CredentialStatus.VALID ? validTo.plusDays(1)
                : statusSince;
    }

    public <T> T details(Class<T> type) {
        return type.cast(details);
    }
}
