package org.edurecords.ncp.democlient;

/** One check the demo client ran on an answer, with the reason when it failed. */
public record Check(String labelKey, boolean passed, String detail) {
}
