package org.edurecords.ncp.democlient;

/** One result as the demo client read it back out of a received ELMO document. */
public record ReceivedResult(int depth, String code, String title, String type, String date, String grade,
        String credits, String status) {
}
