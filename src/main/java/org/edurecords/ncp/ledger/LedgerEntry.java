package org.edurecords.ncp.ledger;

import java.util.List;

/**
 * One ledger row as the owner's page shows it.
 *
 * @param time local time, formatted for the page's language
 * @param isoTime the same moment in ISO 8601 UTC, for the {@code datetime} attribute
 * @param kindKey message key of what happened
 * @param outcomeKey message key of an EMREX answer's outcome; null for links
 * @param recipient EMREX: receiving host; a link sent by e-mail: the address; null otherwise
 * @param linkLabel links: the owner's label, or null
 * @param shareLinkId links: the public id; null otherwise
 */
public record LedgerEntry(String time, String isoTime, String kindKey, String outcomeKey, String recipient,
        String linkLabel, String shareLinkId, String documentId, List<DisclosedResult> results) {

    public boolean isEmrex() {
        return DisclosureKind.EMREX_TRANSFER.messageKey().equals(kindKey)
                || DisclosureKind.EMREX2_RETRIEVAL.messageKey().equals(kindKey);
    }

    /** The address a link was e-mailed to, or null. */
    public String emailedTo() {
        return DisclosureKind.LINK_EMAILED.messageKey().equals(kindKey) ? recipient : null;
    }
}
