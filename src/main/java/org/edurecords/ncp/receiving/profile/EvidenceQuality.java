package org.edurecords.ncp.receiving.profile;

import java.util.Set;

/**
 * How far the results can be trusted, as the verification of the answer found it.
 *
 * @param verified        the signature verified against a trusted key
 * @param learnerMatch    {@code MATCH}, {@code PARTIAL}, {@code MISMATCH} or {@code NOT_CHECKED}: the document's
 *                        learner against the applicant
 * @param partial         some source (an institution) did not answer: more results may exist
 * @param weakSignature   the signature uses an algorithm or key size we accept only with review
 * @param knownProvider   the signing NCP is in the registry of providers
 * @param registryIssuers SCHAC codes and names of issuers in the registry, for {@code issuerInRegistry}
 * @param competenceProblems what was wrong with competence evidence that came: {@code competence_not_verified}
 *                        (its X-Signature did not verify), {@code competence_invalid} (not of the format); empty
 *                        when every evidence that came is sound
 */
public record EvidenceQuality(boolean verified, String learnerMatch, boolean partial, boolean weakSignature,
        boolean knownProvider, Set<String> registryIssuers, Set<String> competenceProblems) {

    public EvidenceQuality {
        registryIssuers = registryIssuers == null ? Set.of() : Set.copyOf(registryIssuers);
        competenceProblems = competenceProblems == null ? Set.of() : Set.copyOf(competenceProblems);
    }

    public EvidenceQuality(boolean verified, String learnerMatch, boolean partial, boolean weakSignature,
            boolean knownProvider, Set<String> registryIssuers) {
        this(verified, learnerMatch, partial, weakSignature, knownProvider, registryIssuers, Set.of());
    }

    /** Verified, the learner matching, a strong signature from a known provider, every source answered. */
    public static EvidenceQuality trusted(Set<String> registryIssuers) {
        return new EvidenceQuality(true, "MATCH", false, false, true, registryIssuers);
    }
}
