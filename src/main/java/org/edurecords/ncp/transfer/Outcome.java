package org.edurecords.ncp.transfer;

/**
 * How a transfer ended, whatever the protocol: each protocol says it on the wire in its own words (EMREX 1.0
 * {@code NCP_OK}…, EMREX 2.0 a code or an OAuth2 error).
 */
public enum Outcome {
    /** The student confirmed: the results they selected go to the receiver. */
    OK,
    /** The student cancelled (here or at the identity provider): nothing goes. */
    CANCEL,
    /** The student has no results, or the register does not know them: nothing goes. */
    NO_RESULTS,
    /** The transfer could not be completed (expired, identity provider failure, signing failure): nothing goes. */
    ERROR
}
