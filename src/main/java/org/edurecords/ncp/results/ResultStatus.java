package org.edurecords.ncp.results;

/** Status of a learning opportunity instance, with the value ELMO uses on the wire. */
public enum ResultStatus {
    PASSED("passed"),
    FAILED("failed"),
    IN_PROGRESS("in-progress");

    private final String elmoValue;

    ResultStatus(String elmoValue) {
        this.elmoValue = elmoValue;
    }

    public String elmoValue() {
        return elmoValue;
    }

    public static ResultStatus fromDatabase(String value) {
        return switch (value) {
            case "passed" -> PASSED;
            case "failed" -> FAILED;
            case "in-progress" -> IN_PROGRESS;
            default -> throw new IllegalArgumentException("Unknown result status: " + value);
        };
    }
}
