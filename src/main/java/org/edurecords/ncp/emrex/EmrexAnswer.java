package org.edurecords.ncp.emrex;

/**
 * The four fields posted back to the client through the browser, plus where to post them.
 *
 * @param elmo base64(gzip(signed ELMO)) for an OK answer, otherwise the empty string
 */
public record EmrexAnswer(String returnUrl, String sessionId, String returnCode, String returnMessage, String elmo) {
}
