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
 */
public record EvidenceQuality(boolean verified, String learnerMatch, boolean partial, boolean weakSignature,
        boolean knownProvider, Set<String> registryIssuers) {

    public EvidenceQuality {
        registryIssuers = registryIssuers == null ? Set.of() : Set.copyOf(registryIssuers);
    }

    /** Verified, the learner matching, a strong signature from a known provider, every source answered. */
    public static EvidenceQuality trusted(Set<String> registryIssuers) {
        return new EvidenceQuality(true, "MATCH", false, false, true, registryIssuers);
    }
}
