package org.edurecords.ncp.transfer;

import java.util.Locale;
import java.util.Set;

import org.edurecords.ncp.competence.EvidenceType;

/**
 * What one protocol (EMREX 1.0, EMREX 2.0) adds to the shared transfer: how the receiver is named to the student,
 * how an outcome is written in the ledger and the metrics, and how the end of the flow reaches the receiver. The
 * pages, states, results, document and ledger record are the same for every protocol ({@link TransferFlowResource}).
 */
public interface TransferProtocol {

    /** The value of {@link EmrexSession#protocol} for flows of this protocol. */
    String id();

    /** The receiver as the student is shown it on every step and as the ledger records it. */
    String recipient(EmrexSession session, Locale locale);

    /** The receiver's registered logo (an https URL) for the consent page, or null. */
    default String recipientLogo(EmrexSession session) {
        return null;
    }

    /** The reference id of what the student consents to, kept in the ledger row of the answer; null when none. */
    default String consentReference(EmrexSession session) {
        return null;
    }

    /**
     * What the receiver may be given in this flow: for EMREX 1.0 everything ELMO carries, for EMREX 2.0 the
     * evidence types of the client's {@code scope}.
     */
    default Set<EvidenceType> evidenceTypes(EmrexSession session) {
        return EvidenceType.elmoTypes();
    }

    /** The outcome as this protocol's ledger rows and {@code ncp.transfers} counters carry it. */
    String code(Outcome outcome);

    /**
     * How the outcome reaches the receiver. Called in the transaction that closes the flow and records the
     * disclosure, so whatever the protocol stores for the receiver (an EMREX 2.0 consent and its code) is stored
     * with it or not at all.
     *
     * @param document the signed document of an {@link Outcome#OK} answer, otherwise null
     */
    Delivery deliver(EmrexSession session, Outcome outcome, String message, SignedTransfer document);

    /**
     * The same, for an answer that also carries credentials outside ELMO; only a protocol whose evidence types
     * include such credentials ({@link #evidenceTypes}) is ever given any.
     *
     * @param document the signed document, or null when the answer carries credentials only
     * @param competence the JSON evidence of those credentials, or null
     */
    default Delivery deliver(EmrexSession session, Outcome outcome, String message, SignedTransfer document,
            byte[] competence) {
        if (competence != null) {
            throw new IllegalStateException(id() + " carries no credentials outside ELMO");
        }
        return deliver(session, outcome, message, document);
    }
}
