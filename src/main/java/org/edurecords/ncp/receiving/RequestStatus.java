package org.edurecords.ncp.receiving;

import java.util.Locale;

/**
 * Where a results request is. {@code waiting}: created, the applicant has not gone to an NCP yet (or came back
 * having cancelled); {@code in_progress}: sent to an NCP; {@code received}: an answer arrived but could not be
 * evaluated; {@code evaluated}: the profile was evaluated over every answer so far (more may still come until the
 * applicant finishes or the request expires); {@code expired}, {@code cancelled}: closed without (further) answers.
 */
public enum RequestStatus {
    WAITING, IN_PROGRESS, RECEIVED, EVALUATED, EXPIRED, CANCELLED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RequestStatus of(String word) {
        return valueOf(word.toUpperCase(Locale.ROOT));
    }

    /** Whether the applicant can still fetch results for it. */
    public boolean open() {
        return this != EXPIRED && this != CANCELLED;
    }
}
