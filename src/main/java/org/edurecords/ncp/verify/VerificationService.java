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

    @PostConstruct
    void init() {
        if (config.verify().allowSha1()) {
            LOG.warn("ncp.verify.allow-sha1 is on: SHA-1 signatures are accepted (reported as weak)");
        }
        verifier = new ElmoVerifier(new ElmoVerifier.Settings(config.verify().maxDocumentBytes(),
                config.verify().allowSha1()), schema, known::entries, clock);
    }

    public VerificationReport verify(VerifyRequest request) {
        VerificationReport report = verifier.verify(request);
        // Step names and verdicts only: the document and the expected person stay out of the log.
        LOG.infof("Verification %s; failed steps: %s", report.verdict(), report.steps().stream()
                .filter(s -> s.verdict() == VerificationReport.Verdict.FAIL).map(VerificationReport.Step::name).toList());
        return report;
    }
}
