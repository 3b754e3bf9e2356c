package org.edurecords.ncp.verify;

import java.util.List;

/**
 * Outcome of verifying an ELMO signature.
 *
 * @param valid                      structure acceptable and the signature verifies with the trusted key
 * @param problems                   why it is not valid, one entry per failed check, in the order checked
 * @param warnings                   acceptable but noteworthy findings (e.g. a short RSA key)
 * @param signatureAlgorithm         {@code SignatureMethod/@Algorithm}, or null when there is none
 * @param digestAlgorithm            {@code DigestMethod/@Algorithm} of the reference, or null
 * @param keyInfoMatchesTrusted      whether {@code KeyInfo} carries an {@code X509Certificate} equal to the
 *                                   trusted one (for a trusted public key: one with that public key);
 *                                   diagnostic only, the key from {@code KeyInfo} is never used
 */
public record VerificationResult(boolean valid, List<String> problems, List<String> warnings,
        String signatureAlgorithm, String digestAlgorithm, boolean keyInfoMatchesTrusted) {

    public VerificationResult {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
        if (valid && !problems.isEmpty()) {
            throw new IllegalArgumentException("A valid result cannot have problems");
        }
    }
}
