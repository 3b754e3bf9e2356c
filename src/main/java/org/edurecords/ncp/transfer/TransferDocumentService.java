package org.edurecords.ncp.transfer;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.CompletenessExtension;
import org.edurecords.ncp.elmo.ElmoDocumentBuilder;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.pdf.PdfSignature;
import org.edurecords.ncp.pdf.Transcript;
import org.edurecords.ncp.pdf.TranscriptPdfRenderer;
import org.edurecords.ncp.pdf.TranscriptSection;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.signing.PadesSigner;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.signing.SigningKeyStore;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.signing.StreamingXmlSigner;

/**
 * Builds the answer of a confirmed transfer in one pass: ELMO from the selection, the PDF transcript
 * of the same data (PAdES-signed) as its first attachment, the enveloped signature made while the ELMO is
 * written (Santuario's streaming API), then gzip and base64.
 */
@ApplicationScoped
public class TransferDocumentService {

    @Inject
    org.edurecords.ncp.web.PublicUrl publicUrl;

    static final String PDF_SIGNATURE_REASON = "Transcript of records issued through EMREX";

    @Inject
    NcpConfig config;

    @Inject
    ElmoDocumentBuilder elmoBuilder;

    @Inject
    TranscriptPdfRenderer pdfRenderer;

    @Inject
    PadesSigner pdfSigner;

    @Inject
    StreamingXmlSigner signer;

    @Inject
    SigningKeyStore keys;

    @Inject
    Clock clock;

    public TransferDocumentService() {
    }

    /** The same pipeline outside CDI (benchmarks, tools); {@link #build(LearnerResults, Locale)} needs CDI. */
    public TransferDocumentService(NcpConfig config) {
        this.config = config;
        this.elmoBuilder = new ElmoDocumentBuilder(config);
        this.pdfRenderer = new TranscriptPdfRenderer();
        this.pdfSigner = new PadesSigner();
        this.signer = new StreamingXmlSigner();
        this.publicUrl = new org.edurecords.ncp.web.PublicUrl(config);
    }

    @Inject
    MeterRegistry metrics;

    public SignedTransfer build(LearnerResults selected, Locale locale) {
        return build(selected, locale, keys.current(), now(), UUID.randomUUID().toString());
    }

    /** Documents are dated at a whole second in UTC. */
    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    }

    static final String SEAL_REASON = "Transcript issued by the contact point";

    /**
     * A PDF transcript that travels on its own, outside any ELMO document: the results and the sections after them
     * (credentials), sealed (PAdES) with the key of the day. Always sealed, whatever {@code ncp.pdf.pades-signature}
     * says of the transfer's PDF: nothing else proves this one (ADR 0871). The owner's own PDF and a share link's PDF
     * with credentials are made here.
     */
    public byte[] sealedTranscript(LearnerResults results, List<TranscriptSection> sections, Locale locale,
            String documentId) {
        OffsetDateTime now = now();
        return pdfRenderer.render(transcript(results, sections, locale, documentId, now),
                pdfSigner.whileSaving(keys.current(), GregorianCalendar.from(now.toZonedDateTime()), SEAL_REASON));
    }

    /** The transcript shows its time as the pages do: in the service's time zone, with the offset (ELMO keeps UTC). */
    private Transcript transcript(LearnerResults results, List<TranscriptSection> sections, Locale locale,
            String documentId, OffsetDateTime now) {
        OffsetDateTime local = now.atZoneSameInstant(config.timeZone()).toOffsetDateTime();
        return new Transcript(config.name(), documentId, local, locale, publicUrl.base() + "/verification", results,
                config.elmo().includeLearnerIdentifiers(), sections);
    }

    /** The whole pipeline with every input explicit. */
    public SignedTransfer build(LearnerResults selected, Locale locale, SigningKey key, OffsetDateTime now,
            String documentId) {
        // ncp.document.build: the whole signed document (ELMO, PDF, PAdES, XML signature, encoding); ncp.sign.time
        // is the XML signature inside it.
        // ncp.document.build.cpu: the CPU time of the same work (the build runs on the calling thread), which
        // the timer's wall-clock time overstates when more requests than cores are running.
        Timer.Sample whole = metrics == null ? null : Timer.start(metrics);
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        try {
            return buildUntimed(selected, locale, key, now, documentId);
        } finally {
            if (whole != null) {
                whole.stop(metrics.timer(DOCUMENT_TIMER));
                cpuCounter(metrics).increment((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            }
        }
    }

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The timer of the whole signed-document build, registered at start-up. */
    public static final String DOCUMENT_TIMER = "ncp.document.build";
    /** The CPU seconds of those builds, a counter registered with the timer. */
    public static final String DOCUMENT_CPU = "ncp.document.build.cpu";

    /** {@value #DOCUMENT_CPU}, in seconds ({@code ncp_document_build_cpu_seconds_total} to Prometheus). */
    public static Counter cpuCounter(MeterRegistry metrics) {
        return Counter.builder(DOCUMENT_CPU).baseUnit("seconds")
                .description("CPU time of building signed documents, on the thread that builds them").register(metrics);
    }

    private SignedTransfer buildUntimed(LearnerResults selected, Locale locale, SigningKey key, OffsetDateTime now,
            String documentId) {
        // The PAdES signature is made as the PDF is saved, not by reloading and updating the saved file.
        PdfSignature pdfSignature = config.pdf().padesSignature()
                ? pdfSigner.whileSaving(key, GregorianCalendar.from(now.toZonedDateTime()), PDF_SIGNATURE_REASON) : null;
        byte[] pdf = pdfRenderer.render(transcript(selected, List.of(), locale, documentId, now), pdfSignature);
        Elmo elmo = elmoBuilder.build(selected, pdf, now);
        CompletenessExtension.addTo(elmo, selected.completeness());
        Timer.Sample signing = metrics == null ? null : Timer.start(metrics);
        byte[] signed = signer.sign(writer -> elmoBuilder.writeTo(elmo, writer), key);
        if (signing != null) {
            signing.stop(metrics.timer("ncp.sign.time"));
        }
        return new SignedTransfer(documentId, signed, TransferEncoding.encode(signed), pdf);
    }
}
