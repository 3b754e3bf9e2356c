package org.edurecords.ncp.verify;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.registry.KnownNcps;
import org.jboss.logging.Logger;

/** The verifier as the service runs it: settings from configuration, certificates from the known NCPs. */
@ApplicationScoped
public class VerificationService {

    private static final Logger LOG = Logger.getLogger(VerificationService.class);

    @Inject
    NcpConfig config;

    @Inject
    KnownNcps known;

    @Inject
    ElmoSchemaValidator schema;

    @Inject
    java.time.Clock clock;

    private ElmoVerifier verifier;
    private PdfSealVerifier pdfVerifier;

    @PostConstruct
    void init() {
        if (config.verify().allowSha1()) {
            LOG.warn("ncp.verify.allow-sha1 is on: SHA-1 signatures are accepted (reported as weak)");
        }
        verifier = new ElmoVerifier(new ElmoVerifier.Settings(config.verify().maxDocumentBytes(),
                config.verify().allowSha1()), schema, known::entries, clock);
        pdfVerifier = new PdfSealVerifier(known::entries);
    }

    /** The PDF transcript's own seal (PAdES), checked against the same registry certificates. */
    public PdfSealVerifier.Report verifyPdf(byte[] pdf) {
        PdfSealVerifier.Report report = pdfVerifier.verify(pdf);
        LOG.infof("PDF seal verification %s; failed steps: %s", report.valid() ? "VALID" : "INVALID", report.steps()
                .stream().filter(s -> s.verdict() == VerificationReport.Verdict.FAIL).map(VerificationReport.Step::name)
                .toList());
        return report;
    }

    /** A registry certificate by its SHA-256 fingerprint, with the entry that publishes it. */
    public java.util.Optional<Published> published(String certificateSha256) {
        if (certificateSha256 == null) {
            return java.util.Optional.empty();
        }
        for (org.edurecords.ncp.registry.RegistryEntry entry : known.entries()) {
            for (java.security.cert.X509Certificate cert : entry.certificates()) {
                if (certificateSha256.equals(org.edurecords.ncp.signing.Certificates.sha256(cert))) {
                    return java.util.Optional.of(new Published(entry, cert));
                }
            }
        }
        return java.util.Optional.empty();
    }

    /** A certificate and the registry entry that publishes it. */
    public record Published(org.edurecords.ncp.registry.RegistryEntry entry,
            java.security.cert.X509Certificate certificate) {
    }

    public VerificationReport verify(VerifyRequest request) {
        VerificationReport report = verifier.verify(request);
        // Step names and verdicts only: the document and the expected person stay out of the log.
        LOG.infof("Verification %s; failed steps: %s", report.verdict(), report.steps().stream()
                .filter(s -> s.verdict() == VerificationReport.Verdict.FAIL).map(VerificationReport.Step::name).toList());
        return report;
    }
}
