package org.edurecords.ncp.sharing;

/** The state of a share link as owner and recipient see it. */
public enum LinkStatus {
    ACTIVE, LOCKED, EXPIRED, DEACTIVATED;

    /** Message key of the status's name in the owner's list. */
    public String messageKey() {
        return "share_status_" + name();
    }
}
