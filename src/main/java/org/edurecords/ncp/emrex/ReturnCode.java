package org.edurecords.ncp.emrex;

/**
 * The four EMREX return codes. The wire form depends on the configured family: {@code NCP_*} as in
 * EMREX 1.0, or {@code EMP_*} as the newer implementation guide names them.
 */
public enum ReturnCode {
    OK, CANCEL, NO_RESULTS, ERROR;

    public String wireValue(String family) {
        String prefix = "EMP".equalsIgnoreCase(family) ? "EMP_" : "NCP_";
        return prefix + name();
    }
}
