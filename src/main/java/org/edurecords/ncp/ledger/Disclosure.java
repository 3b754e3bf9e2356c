package org.edurecords.ncp.ledger;

import java.util.List;

/**
 * What is about to be disclosed, handed to {@link DisclosureLedger#record} inside the transaction of the
 * disclosure itself.
 *
 * @param recipient EMREX: the receiver as the student was shown it, its name and the return URL's host; a link sent
 *        by e-mail: the address it was sent to (docs/adr/0612); otherwise null
 * @param returnCode EMREX: the return code on the wire; otherwise null
 * @param shareLinkId links: the link's public id; otherwise null
 * @param documentId the id of the signed ELMO/PDF issued, or null when none was
 * @param label the owner's label of a link, or null
 * @param results what the recipient received or can see; empty when nothing was disclosed
 * @param reference EMREX 2.0: the consent's reference id ({@code ref_id}); otherwise null
 */
public record Disclosure(long learnerId, DisclosureKind kind, String recipient, String returnCode,
        String shareLinkId, String documentId, String label, List<DisclosedResult> results, String reference) {

    public Disclosure {
        results = results == null ? List.of() : List.copyOf(results);
    }

    public static Disclosure emrexTransfer(long learnerId, String recipient, String returnCode, String documentId,
            List<DisclosedResult> results, String reference) {
        // The column holds 255 characters; a host alone always fits, a long configured name is cut.
        String fitted = recipient.length() > 255 ? recipient.substring(0, 254) + "…" : recipient;
        return new Disclosure(learnerId, DisclosureKind.EMREX_TRANSFER, fitted, returnCode, null, documentId,
                null, results, reference);
    }

    /** An EMREX 2.0 client fetched (a part of) what the student consented to: {@code format} is the data format. */
    public static Disclosure emrex2Retrieval(long learnerId, String recipient, String format, String documentId,
            List<DisclosedResult> results, String reference) {
        return new Disclosure(learnerId, DisclosureKind.EMREX2_RETRIEVAL, recipient, null, null, documentId, format,
                results, reference);
    }

    /** A share link e-mailed by this service to {@code address} at the owner's request; nothing is disclosed yet. */
    public static Disclosure linkEmailed(long learnerId, String shareLinkId, String label, String documentId,
            String address) {
        return new Disclosure(learnerId, DisclosureKind.LINK_EMAILED, address, null, shareLinkId, documentId, label,
                List.of(), null);
    }

    public static Disclosure link(DisclosureKind kind, long learnerId, String shareLinkId, String label,
            String documentId, List<DisclosedResult> results) {
        return new Disclosure(learnerId, kind, null, null, shareLinkId, documentId, label, results, null);
    }
}
