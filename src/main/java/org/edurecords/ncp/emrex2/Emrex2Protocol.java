package org.edurecords.ncp.emrex2;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.competence.EvidenceType;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.transfer.Delivery;
import org.edurecords.ncp.transfer.EmrexSession;
import org.edurecords.ncp.transfer.Outcome;
import org.edurecords.ncp.transfer.SignedTransfer;
import org.edurecords.ncp.transfer.TransferProtocol;
import org.edurecords.ncp.web.SecretTokens;
import org.jboss.logging.Logger;

/**
 * EMREX 2.0's end of a transfer: the student's consent is stored with the signed document the preview showed, and
 * the browser goes back to the client's redirect URI with a single-use code (or with {@code error=access_denied}
 * on cancel, {@code server_error} when the flow failed). Runs in the transaction that closes the flow and writes the
 * ledger record, so the consent exists before any code does.
 */
@ApplicationScoped
public class Emrex2Protocol implements TransferProtocol {

    private static final Logger LOG = Logger.getLogger(Emrex2Protocol.class);
    public static final String ID = "emrex2";

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Inject
    ClientRegistry clients;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String recipient(EmrexSession session, Locale locale) {
        Emrex2Authorization authorization = Emrex2Authorization.findById(session.id);
        String clientId = authorization == null ? "?" : authorization.clientId;
        String name = clients.find(clientId).map(c -> c.name(locale)).orElse(clientId);
        return name + " (" + URI.create(session.returnUrl).getHost() + ")";
    }

    /**
     * A flow consents once, so the flow's id is the consent's reference id: the ledger row written before the
     * consent is stored already names it.
     */
    @Override
    public String consentReference(EmrexSession session) {
        return session.id;
    }

    /** Only an https logo is shown; anything else in the registry is left out of the page. */
    @Override
    public String recipientLogo(EmrexSession session) {
        Emrex2Authorization authorization = Emrex2Authorization.findById(session.id);
        if (authorization == null) {
            return null;
        }
        return clients.find(authorization.clientId).map(RegisteredClient::logo)
                .filter(logo -> logo.startsWith("https://") && logo.length() <= 2048)
                .filter(logo -> {
                    try {
                        return URI.create(logo).getHost() != null;
                    } catch (IllegalArgumentException e) {
                        return false;
                    }
                }).orElse(null);
    }

    /** The evidence types the client's scope asked for (everything offered when it asked for none). */
    @Override
    public Set<EvidenceType> evidenceTypes(EmrexSession session) {
        Emrex2Authorization authorization = Emrex2Authorization.findById(session.id);
        return EvidenceType.ofScope(authorization == null ? null : authorization.scope);
    }

    /** The ledger and the counters say {@code EMREX2_OK} etc.: the owner reads "results sent" as for 1.0. */
    @Override
    public String code(Outcome outcome) {
        return "EMREX2_" + outcome.name();
    }

    @Override
    public Delivery deliver(EmrexSession session, Outcome outcome, String message, SignedTransfer document) {
        return deliver(session, outcome, message, document, null);
    }

    @Override
    public Delivery deliver(EmrexSession session, Outcome outcome, String message, SignedTransfer document,
            byte[] competence) {
        Emrex2Authorization authorization = Emrex2Authorization.findById(session.id);
        Map<String, String> query = new LinkedHashMap<>();
        switch (outcome) {
            case OK, NO_RESULTS -> query.put("code", outcome == Outcome.OK
                    ? issue(session, authorization, document, competence)
                    : issue(session, authorization, null, null));
            case CANCEL -> query.put("error", "access_denied");
            case ERROR -> {
                query.put("error", "server_error");
                if (!message.isBlank()) {
                    query.put("error_description", message);
                }
            }
        }
        query.put("state", session.sessionId);
        return new Delivery.Redirect(withQuery(authorization.redirectUri, query));
    }

    /** The consent and its code; the code itself is never stored, only its hash. */
    private String issue(EmrexSession session, Emrex2Authorization authorization, SignedTransfer document,
            byte[] competence) {
        Instant now = clock.instant();
        Consent consent = new Consent();
        consent.refId = consentReference(session);
        consent.flowId = session.id;
        consent.clientId = authorization.clientId;
        consent.learnerId = session.learnerId;
        Locale shown = session.locale == null ? Locale.ENGLISH : Locale.forLanguageTag(session.locale);
        String recipient = recipient(session, shown);
        consent.recipient = recipient.length() > 255 ? recipient.substring(0, 254) + "…" : recipient;
        consent.scope = authorization.scope;
        consent.createdAt = now;
        consent.expiresAt = now.plus(config.emrex2().codeLifetime()).plus(config.emrex2().tokenLifetime());
        if (document != null) {
            consent.documentId = document.documentId();
            consent.document = document.elmoValue();
            consent.pdf = Base64.getEncoder().encodeToString(document.pdfTranscript());
        }
        if (competence != null) {
            consent.competence = new String(competence, java.nio.charset.StandardCharsets.UTF_8);
        }
        consent.persist();
        String code = SecretTokens.random(32);
        AuthorizationCode stored = new AuthorizationCode();
        stored.codeHash = SecretTokens.sha256Hex(code);
        stored.refId = consent.refId;
        stored.clientId = authorization.clientId;
        stored.redirectUri = authorization.redirectUri;
        stored.codeChallenge = authorization.codeChallenge;
        stored.expiresAt = now.plus(config.emrex2().codeLifetime());
        stored.persist();
        LOG.infof("Transfer %s: consent %s for client %s, code issued", session.id, consent.refId,
                org.edurecords.ncp.web.LogSafe.of(authorization.clientId));
        return code;
    }

    /** The registered redirect URI with our parameters added to any query it already has. */
    static String withQuery(String uri, Map<String, String> parameters) {
        String query = parameters.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return uri + (uri.contains("?") ? "&" : "?") + query;
    }
}
