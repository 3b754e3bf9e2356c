package org.edurecords.ncp.verify;

/**
 * What a receiver asks the verifier.
 *
 * @param elmo        the {@code elmo} form value exactly as received (base64 of gzip of signed XML)
 * @param givenNames  optional: the given names of the person the receiver expects
 * @param familyName  optional: the expected family name
 * @param birthDate   optional: the expected birth date, {@code YYYY-MM-DD}
 * @param ncp         optional: acronym or entry URL of the NCP the receiver sent the person to
 */
public record VerifyRequest(String elmo, String givenNames, String familyName, String birthDate, String ncp) {
}
