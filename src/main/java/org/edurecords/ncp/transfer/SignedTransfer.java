package org.edurecords.ncp.transfer;

/**
 * A signed ELMO document ready to be posted.
 *
 * @param documentId the id printed in the PDF transcript
 * @param signedXml the signed document exactly as serialized once after signing
 * @param elmoValue the form value: base64(gzip(signedXml))
 * @param pdfTranscript the signed PDF transcript, exactly as the document carries it in its first attachment
 */
public record SignedTransfer(String documentId, byte[] signedXml, String elmoValue, byte[] pdfTranscript) {
}
