package org.edurecords.ncp.emrex;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.transfer.Delivery;
import org.edurecords.ncp.transfer.EmrexSession;
import org.edurecords.ncp.transfer.Outcome;
import org.edurecords.ncp.transfer.SignedTransfer;
import org.edurecords.ncp.transfer.TransferProtocol;

/**
 * EMREX 1.0's end of a transfer: the four fields posted back through the browser to the return URL
 * ({@code sessionId}, {@code returnCode}, {@code returnMessage}, {@code elmo}), with the return codes of the
 * configured family ({@code NCP_*}, or {@code EMP_*} as the newer implementation guide names them).
 */
@ApplicationScoped
public class Emrex1Protocol implements TransferProtocol {

    public static final String ID = "emrex1";

    @Inject
    NcpConfig config;

    @Inject
    KnownReceivers receivers;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String recipient(EmrexSession session, Locale locale) {
        return receivers.label(session.returnUrl, locale);
    }

    @Override
    public String code(Outcome outcome) {
        String prefix = "EMP".equalsIgnoreCase(config.emrex().returnCodeFamily()) ? "EMP_" : "NCP_";
        return prefix + outcome.name();
    }

    @Override
    public Delivery deliver(EmrexSession session, Outcome outcome, String message, SignedTransfer document) {
        return new Delivery.FormPost(session.returnUrl, List.of(new Delivery.Field("sessionId", session.sessionId),
                new Delivery.Field("returnCode", code(outcome)), new Delivery.Field("returnMessage", message),
                new Delivery.Field("elmo", document == null ? "" : document.elmoValue())));
    }
}
