package org.edurecords.ncp.democlient;

/**
 * One check the demo client ran on an answer, with the reason when it failed.
 *
 * @param more whether the label is in the {@code more} bundle (the EMREX 2.0 checks) rather than {@code msg}
 */
public record Check(String labelKey, boolean passed, String detail, boolean more) {

    public Check(String labelKey, boolean passed, String detail) {
        this(labelKey, passed, detail, false);
    }

    static Check more(String labelKey, boolean passed, String detail) {
        return new Check(labelKey, passed, detail, true);
    }
}
