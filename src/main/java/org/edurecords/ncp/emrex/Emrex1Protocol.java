package org.edurecords.ncp.emrex;

import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.competence.EvidenceType;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.signing.ResponseSignature;
import org.edurecords.ncp.transfer.Delivery;
import org.edurecords.ncp.transfer.EmrexSession;
import org.edurecords.ncp.transfer.Outcome;
import org.edurecords.ncp.transfer.SignedTransfer;
import org.edurecords.ncp.transfer.TransferProtocol;
import org.edurecords.ncp.web.PublicUrl;

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

    @Inject
    PublicUrl publicUrl;

    @Inject
    ResponseSignature signature;

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
        return deliver(session, outcome, message, document, null);
    }

    /**
     * The receiving side of this very service (issue K's receivers) is the one EMREX 1.0 receiver that can take more
     * than ELMO: its flows offer every evidence type, as EMREX 2.0 without a scope does.
     */
    @Override
    public Set<EvidenceType> evidenceTypes(EmrexSession session) {
        return ownReceiver(session) ? EnumSet.allOf(EvidenceType.class) : EvidenceType.elmoTypes();
    }

    /**
     * The four fields; to this service's own receiving side also the credentials outside ELMO: {@code competence}
     * (base64 of the JSON evidence) and {@code competenceSignature} (its X-Signature), checked there with this
     * service's published certificate. No other receiver is ever sent them.
     */
    @Override
    public Delivery deliver(EmrexSession session, Outcome outcome, String message, SignedTransfer document,
            byte[] competence) {
        List<Delivery.Field> fields = new ArrayList<>(List.of(new Delivery.Field("sessionId", session.sessionId),
                new Delivery.Field("returnCode", code(outcome)), new Delivery.Field("returnMessage", message),
                new Delivery.Field("elmo", document == null ? "" : document.elmoValue())));
        if (competence != null) {
            if (!ownReceiver(session)) {
                throw new IllegalStateException("credentials outside ELMO for a receiver other than this service");
            }
            fields.add(new Delivery.Field(COMPETENCE_FIELD, Base64.getEncoder().encodeToString(competence)));
            fields.add(new Delivery.Field(COMPETENCE_SIGNATURE_FIELD, signature.sign(competence).jws()));
        }
        return new Delivery.FormPost(session.returnUrl, fields);
    }

    public static final String COMPETENCE_FIELD = "competence";
    public static final String COMPETENCE_SIGNATURE_FIELD = "competenceSignature";

    private boolean ownReceiver(EmrexSession session) {
        return session.returnUrl != null
                && session.returnUrl.startsWith(publicUrl.base() + KnownReceivers.RECEIVING_RETURN_PATH);
    }
}
