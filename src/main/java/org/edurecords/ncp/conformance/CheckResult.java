package org.edurecords.ncp.conformance;

/**
 * One checklist item of spec section 7 and how the NCP under test did.
 *
 * @param number the item number in the checklist (spec 7)
 * @param group  Entry point, Response shape, Paths, Encoding, Signature, Schema and content, Learner, PDF, Registry
 */
public record CheckResult(int number, String group, String title, Status status, String detail) {

    public enum Status {
        PASS, FAIL, SKIPPED
    }

    public String id() {
        return String.format("%02d", number);
    }
}
