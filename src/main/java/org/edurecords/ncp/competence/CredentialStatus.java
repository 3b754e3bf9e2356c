package org.edurecords.ncp.competence;

import java.util.Locale;
import java.util.Optional;

/** Where a credential stands: as the register says, and {@link #EXPIRED} also once its validity has ended. */
public enum CredentialStatus {
    VALID, SUSPENDED, REVOKED, EXPIRED;

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CredentialStatus> of(String word) {
        if (word == null || word.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(word.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
