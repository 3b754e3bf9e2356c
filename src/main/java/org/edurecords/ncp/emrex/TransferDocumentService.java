package org.edurecords.ncp.emrex;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.CompletenessExtension;
import org.edurecords.ncp.elmo.ElmoDocumentBuilder;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.pdf.Transcript;
import org.edurecords.ncp.pdf.TranscriptPdfRenderer;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.signing.SigningKeyStore;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.signing.XmlSigner;
import org.w3c.dom.Document;

/**
 * Builds the answer of a confirmed transfer in one pass: ELMO from the selection, the PDF transcript
 * of the same data as its first attachment, the enveloped signature, then gzip and base64.
 */
@ApplicationScoped
public class TransferDocumentService {

    @Inject
    NcpConfig config;

    @Inject
    ElmoDocumentBuilder elmoBuilder;

    @Inject
    TranscriptPdfRenderer pdfRenderer;

    @Inject
    XmlSigner signer;

    @Inject
    SigningKeyStore keys;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    public SignedTransfer build(LearnerResults selected, Locale locale) {
        String documentId = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        byte[] pdf = pdfRenderer.render(new Transcript(config.name(), documentId, now, locale,
                config.publicUrl() + "/verification", selected, config.elmo().includeLearnerIdentifiers()));
        Elmo elmo = elmoBuilder.build(selected, pdf, now);
        CompletenessExtension.addTo(elmo, selected.completeness());
        Document document = elmoBuilder.toDocument(elmo);
        Timer.Sample signing = Timer.start(metrics);
        byte[] signed = signer.signEnveloped(document, keys.current());
        signing.stop(metrics.timer("ncp.sign.time"));
        return new SignedTransfer(documentId, signed, TransferEncoding.encode(signed));
    }
}
