package org.edurecords.ncp.democlient;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.xml.bind.JAXBException;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.ElmoJaxb;
import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.elmo.model.Attachment;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.verify.ElmoSummaries;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;
import org.edurecords.ncp.verify.VerificationReport;
import org.edurecords.ncp.verify.VerificationResult;
import org.edurecords.ncp.web.RecentlyUsed;
import org.jboss.logging.Logger;
import org.w3c.dom.Document;

/**
 * A small EMREX client built into the service for trying a transfer end to end. It issues session
 * ids, and checks an answer the way a receiver should: session id, decoding, schema, and the
 * signature verified with the JDK's own XML signature API against a configured certificate.
 */
@ApplicationScoped
public class DemoClientService {

    private static final Logger LOG = Logger.getLogger(DemoClientService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration SESSION_LIFETIME = Duration.ofHours(1);
    private static final long MAX_DOCUMENT_BYTES = 16L * 1024 * 1024;
    private static final int MAX_KEPT_TRANSCRIPTS = 100;


    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Inject
    ElmoSchemaValidator schemaValidator;

    private final Map<String, Instant> issuedSessions = new ConcurrentHashMap<>();
    private final Map<String, byte[]> transcripts = RecentlyUsed.map(MAX_KEPT_TRANSCRIPTS);

    public String newSessionId() {
        Instant now = clock.instant();
        issuedSessions.values().removeIf(issued -> issued.plus(SESSION_LIFETIME).isBefore(now));
        String id = token();
        issuedSessions.put(id, now);
        return id;
    }

    public byte[] transcript(String id) {
        return id == null ? null : transcripts.get(id);
    }

    public ReceivedAnswer receive(String sessionId, String returnCode, String returnMessage, String elmo) {
        List<Check> checks = new ArrayList<>();
        boolean known = sessionId != null && issuedSessions.remove(sessionId) != null;
        checks.add(new Check("demo_check_session", known, known ? "" : "unknown or already used sessionId"));
        if (elmo == null || elmo.isEmpty()) {
            return new ReceivedAnswer(sessionId, returnCode, returnMessage, checks, null, null, List.of(), null);
        }
        Document document;
        byte[] xml;
        try {
            xml = TransferEncoding.decode(elmo, MAX_DOCUMENT_BYTES);
            document = SecureXml.parse(xml);
            checks.add(new Check("demo_check_decoded", true, xml.length + " bytes"));
        } catch (Exception e) {
            checks.add(new Check("demo_check_decoded", false, e.getMessage()));
            return new ReceivedAnswer(sessionId, returnCode, returnMessage, checks, null, null, List.of(), null);
        }
        var schema = schemaValidator.validate(document);
        checks.add(new Check("demo_check_schema", schema.valid(), schema.valid() ? "" : String.valueOf(schema.errors())));
        VerificationResult signature = new JdkXmlSignatureVerifier().verify(document, trustedCertificate());
        checks.add(new Check("demo_check_signature", signature.valid(),
                signature.valid() ? signature.signatureAlgorithm() : String.join("; ", signature.problems())));
        return read(sessionId, returnCode, returnMessage, checks, document, null, null);
    }

    /** An EMREX 2.0 answer: the checks made, the document (or null) and the PDF fetched beside it (or null). */
    ReceivedAnswer readDocument(List<Check> checks, Document document, byte[] pdf, Emrex2Exchange exchange) {
        if (document == null) {
            return new ReceivedAnswer(null, null, null, checks, null, null, List.of(), null, List.of(), exchange);
        }
        return read(null, null, null, checks, document, pdf, exchange);
    }

    private ReceivedAnswer read(String sessionId, String returnCode, String returnMessage, List<Check> checks,
            Document document, byte[] pdf, Emrex2Exchange exchange) {
        try {
            Elmo parsed = (Elmo) ElmoJaxb.context().createUnmarshaller().unmarshal(document);
            String transcriptId = pdf != null ? keep(pdf) : storeTranscript(parsed);
            List<ReceivedReport> reports = ElmoSummaries.summarise(parsed).reports().stream()
                    .map(DemoClientService::report).toList();
            Elmo.Learner learner = parsed.getLearner();
            return new ReceivedAnswer(sessionId, returnCode, returnMessage, checks,
                    learner.getGivenNames() + " " + learner.getFamilyName(),
                    learner.getBday() == null ? null : learner.getBday().toXMLFormat(), reports, transcriptId,
                    missingInstitutions(document), exchange);
        } catch (JAXBException | RuntimeException e) {
            LOG.info("Demo client could not read a received document", e);
            checks.add(new Check("demo_check_decoded", false, "unreadable ELMO content"));
            return new ReceivedAnswer(sessionId, returnCode, returnMessage, checks, null, null, List.of(), null,
                    List.of(), exchange);
        }
    }

    private String keep(byte[] pdf) {
        String id = token();
        transcripts.put(id, pdf);
        return id;
    }

    /** The institutions the sending NCP could not read, as its completeness extension names them. */
    private static List<ReceivedAnswer.MissingInstitution> missingInstitutions(Document document) {
        List<ReceivedAnswer.MissingInstitution> missing = new ArrayList<>();
        org.w3c.dom.NodeList institutions = document.getElementsByTagNameNS(
                org.edurecords.ncp.elmo.CompletenessExtension.NAMESPACE, "institution");
        for (int i = 0; i < institutions.getLength(); i++) {
            org.w3c.dom.Element institution = (org.w3c.dom.Element) institutions.item(i);
            String status = institution.getAttribute("status");
            if (status.isEmpty() || "complete".equals(status)) {
                continue;
            }
            String schac = institution.getAttribute("schac");
            org.w3c.dom.NodeList titles = institution.getElementsByTagNameNS(
                    org.edurecords.ncp.elmo.CompletenessExtension.NAMESPACE, "title");
            String name = titles.getLength() > 0 ? titles.item(0).getTextContent() : schac;
            missing.add(new ReceivedAnswer.MissingInstitution(name, schac,
                    "source_reason_" + status.replace('-', '_')));
        }
        return missing;
    }

    private String storeTranscript(Elmo elmo) {
        for (Attachment attachment : elmo.getAttachment()) {
            if ("EMREX transcript".equals(attachment.getType()) && !attachment.getContent().isEmpty()) {
                String content = attachment.getContent().get(0).getValue();
                String prefix = "data:application/pdf;base64,";
                if (content.startsWith(prefix)) {
                    return keep(Base64.getDecoder().decode(content.substring(prefix.length())));
                }
            }
        }
        return null;
    }

    /** The receiver's reading of a report, shared with the verifier's summary. */
    private static ReceivedReport report(VerificationReport.Report report) {
        List<ReceivedResult> results = report.results().stream()
                .map(r -> new ReceivedResult(r.depth(), blank(r.code()), blank(r.title()), r.type(), blank(r.date()),
                        blank(r.grade()), blank(r.credits()), blank(r.status())))
                .toList();
        return new ReceivedReport(blank(report.issuer()), blank(report.schac()), results, report.totals().credits());
    }

    private static String blank(String value) {
        return value == null ? "" : value;
    }

    private X509Certificate trustedCertificate() {
        String path = config.demo().clientCertificatePath()
                .or(() -> config.signing().certificatePath())
                .orElseThrow(() -> new IllegalStateException("The demo client has no certificate to trust"));
        try (InputStream in = Files.newInputStream(Path.of(path))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException | CertificateException e) {
            throw new IllegalStateException("The demo client cannot read its trusted certificate " + path, e);
        }
    }

    private static String token() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

}
