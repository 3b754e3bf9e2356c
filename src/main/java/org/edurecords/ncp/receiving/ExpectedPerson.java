package org.edurecords.ncp.receiving;

/**
 * The person a receiver expects the results to be about, matched against the document's learner by the verifier.
 *
 * @param birthDate          {@code YYYY-MM-DD}
 * @param nationalIdentifier optional; when both it and the document's national identifier are given, they must be equal
 */
public record ExpectedPerson(String givenNames, String familyName, String birthDate, String nationalIdentifier) {
}
