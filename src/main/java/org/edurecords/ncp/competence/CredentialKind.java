package org.edurecords.ncp.competence;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of competence a person can prove besides higher-education results, each with its own attributes
 * ({@link CredentialDetails}). Education kinds are learning results (ELMO can carry them); the others are not and are
 * never forced into learning opportunities (ADR 0870).
 */
public enum CredentialKind {
    /** Upper-secondary diploma or certificate of competence: subjects with grades on the 1-6 scale or pass/fail. */
    UPPER_SECONDARY("upper-secondary", true),
    /** Trade or journeyman certificate: the trade, the examining board, the issuing county. */
    VOCATIONAL("vocational", true),
    /** A licence (e.g. driving licence) with categories, each valid for its own period. */
    LICENCE("licence", false),
    /** An authorisation or certification of a profession or scheme, with a number and a validity. */
    AUTHORISATION("authorisation", false),
    /** A recognition decision on a foreign qualification. */
    RECOGNITION("recognition", false);

    private final String word;
    private final boolean learningResult;

    CredentialKind(String word, boolean learningResult) {
        this.word = word;
        this.learningResult = learningResult;
    }

    /** The kind as the import format, the API and the templates spell it. */
    public String word() {
        return word;
    }

    /** Whether it is a learning result (an ELMO learning opportunity of its issuer can hold it). */
    public boolean learningResult() {
        return learningResult;
    }

    public static Optional<CredentialKind> of(String word) {
        if (word == null) {
            return Optional.empty();
        }
        String wanted = word.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        for (CredentialKind kind : values()) {
            if (kind.word.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
