package org.edurecords.ncp.ledger;

/** What happened to a learner's results. The names are stored in the ledger and exported: never rename one. */
public enum DisclosureKind {
    /** An EMREX answer was sent to a client (any return code; results only with NCP_OK). */
    EMREX_TRANSFER,
    /** The owner created a share link; the results are the link's snapshot. */
    LINK_CREATED,
    /** A recipient entered the right access code and saw the link's results. */
    LINK_VIEWED,
    /** Too many wrong access codes: the link is locked for a while. */
    LINK_LOCKED,
    /** The owner deactivated a link. */
    LINK_DEACTIVATED,
    /** Retention removed the snapshot of an expired or deactivated link; what it showed stays in this ledger. */
    LINK_SNAPSHOT_DELETED,
    /** At the owner's request this service e-mailed the link (never its access code) to the address recorded. */
    LINK_EMAILED,
    /** An EMREX 2.0 client fetched the results the student consented to (the consent itself is an EMREX_TRANSFER). */
    EMREX2_RETRIEVAL;

    /** Message key of the kind's name in the portal (msg_*.properties). */
    public String messageKey() {
        return "ledger_kind_" + name();
    }
}
