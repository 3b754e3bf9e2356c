package org.edurecords.ncp.democlient;

import java.util.List;

/**
 * What the demo client made of an answer: the four posted fields, the checks and, when the document
 * could be read, the learner and the results.
 *
 * @param transcriptId key under which the PDF transcript can be downloaded, or null
 */
public record ReceivedAnswer(String sessionId, String returnCode, String returnMessage, List<Check> checks,
        String learnerName, String birthDate, List<ReceivedReport> reports, String transcriptId) {

    public boolean allChecksPassed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }
}
