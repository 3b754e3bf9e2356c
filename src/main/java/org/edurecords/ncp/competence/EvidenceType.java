package org.edurecords.ncp.competence;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence types this provider offers (EMREG 2.0 {@code availableEvidenceTypes}; an EMREX 2.0 {@code scope}
 * chooses among them). Higher-education results and the education kinds of credentials are learning results and
 * travel in ELMO; the other kinds travel only in the JSON evidence format {@code competence} (ADR 0872).
 */
public enum EvidenceType {
    HIGHER_EDUCATION_RESULTS("higher-education-results", null),
    UPPER_SECONDARY_RESULTS("upper-secondary-results", CredentialKind.UPPER_SECONDARY),
    VOCATIONAL_RESULTS("vocational-results", CredentialKind.VOCATIONAL),
    LICENCES("licences", CredentialKind.LICENCE),
    AUTHORISATIONS("authorisations", CredentialKind.AUTHORISATION),
    RECOGNITION_DECISIONS("recognition-decisions", CredentialKind.RECOGNITION);

    private final String word;
    private final CredentialKind kind;

    EvidenceType(String word, CredentialKind kind) {
        this.word = word;
        this.kind = kind;
    }

    /** The type as EMREG and {@code scope} spell it. */
    public String word() {
        return word;
    }

    /** The kind of credential of this type; null for higher-education results (the learning-opportunity tree). */
    public CredentialKind kind() {
        return kind;
    }

    /** Whether ELMO carries it (as learning opportunities of their issuer). */
    public boolean inElmo() {
        return kind == null || kind.learningResult();
    }

    public static List<String> words() {
        return Arrays.stream(values()).map(EvidenceType::word).toList();
    }

    public static Optional<EvidenceType> of(String word) {
        return Arrays.stream(values()).filter(t -> t.word.equals(word)).findFirst();
    }

    /** What an EMREX 1.0 flow can carry: every type that ELMO holds. */
    public static Set<EvidenceType> elmoTypes() {
        Set<EvidenceType> all = EnumSet.noneOf(EvidenceType.class);
        Arrays.stream(values()).filter(EvidenceType::inElmo).forEach(all::add);
        return all;
    }

    /** The types of a scope (space separated words); unknown words are left out (the authorize step refuses them). */
    public static Set<EvidenceType> ofScope(String scope) {
        if (scope == null || scope.isBlank()) {
            return EnumSet.allOf(EvidenceType.class);
        }
        Set<EvidenceType> all = EnumSet.noneOf(EvidenceType.class);
        for (String word : scope.strip().split(" +")) {
            of(word).ifPresent(all::add);
        }
        return all;
    }

    /** The kinds of credential among the types. */
    public static Set<CredentialKind> kinds(Set<EvidenceType> types) {
        Set<CredentialKind> kinds = EnumSet.noneOf(CredentialKind.class);
        types.stream().map(EvidenceType::kind).filter(k -> k != null).forEach(kinds::add);
        return kinds;
    }
}
