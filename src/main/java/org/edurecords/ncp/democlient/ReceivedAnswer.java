package org.edurecords.ncp.democlient;

import java.util.List;

/**
 * What the demo client made of an answer: the four posted fields, the checks and, when the document
 * could be read, the learner and the results.
 *
 * @param transcriptId key under which the PDF transcript can be downloaded, or null
 * @param missing the institutions the document says are missing (could not be read by the sending NCP)
 * @param emrex2 what an EMREX 2.0 transfer exchanged, or null for an EMREX 1.0 answer
 */
public record ReceivedAnswer(String sessionId, String returnCode, String returnMessage, List<Check> checks,
        String learnerName, String birthDate, List<ReceivedReport> reports, String transcriptId,
        List<MissingInstitution> missing, Emrex2Exchange emrex2) {

    /** An institution missing from the document, with the message key of the reason. */
    public record MissingInstitution(String name, String schac, String reasonKey) {
    }

    public ReceivedAnswer(String sessionId, String returnCode, String returnMessage, List<Check> checks,
            String learnerName, String birthDate, List<ReceivedReport> reports, String transcriptId,
            List<MissingInstitution> missing) {
        this(sessionId, returnCode, returnMessage, checks, learnerName, birthDate, reports, transcriptId, missing, null);
    }

    public ReceivedAnswer(String sessionId, String returnCode, String returnMessage, List<Check> checks,
            String learnerName, String birthDate, List<ReceivedReport> reports, String transcriptId) {
        this(sessionId, returnCode, returnMessage, checks, learnerName, birthDate, reports, transcriptId, List.of());
    }

    public boolean allChecksPassed() {
        return !checks.isEmpty() && checks.stream().allMatch(Check::passed);
    }
}
