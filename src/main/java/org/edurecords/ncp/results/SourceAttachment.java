package org.edurecords.ncp.results;

/**
 * A document the institution itself issued for one learning opportunity (a Diploma Supplement or an
 * official Transcript of Records), passed through into ELMO unchanged.
 *
 * @param localId unique within the institution's report; what the learning opportunity refers to
 * @param type the ELMO attachment type: {@code Diploma Supplement} or {@code Transcript of Records}
 * @param contentBase64 the document bytes, base64 encoded (standard alphabet, one line)
 * @param learningOpportunityId the node it belongs to; it travels only when that node itself is selected
 */
public record SourceAttachment(String localId, String type, LocalizedText title, String mediaType,
        String contentBase64, long learningOpportunityId) {

    public String dataUri() {
        return "data:" + mediaType + ";base64," + contentBase64;
    }
}
