package org.edurecords.ncp.portal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.pdf.Transcript;
import org.edurecords.ncp.pdf.TranscriptPdfRenderer;
import org.edurecords.ncp.pdf.TranscriptSection;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.signing.PadesSigner;
import org.edurecords.ncp.signing.SigningKeyStore;
import org.edurecords.ncp.web.PublicUrl;

/**
 * A PDF transcript that travels on its own, outside any ELMO document: the results and the sections after them
 * (credentials), sealed (PAdES) with the key of the day. Always sealed, whatever {@code ncp.pdf.pades-signature}
 * says of the transfer's PDF: nothing else proves this one (ADR 0871). The owner's own PDF and a share link's PDF
 * with credentials are made here.
 */
@ApplicationScoped
public class SealedTranscripts {

    static final String SEAL_REASON = "Transcript issued by the contact point";

    @Inject
    NcpConfig config;

    @Inject
    TranscriptPdfRenderer renderer;

    @Inject
    PadesSigner signer;

    @Inject
    SigningKeyStore keys;

    @Inject
    PublicUrl publicUrl;

    @Inject
    Clock clock;

    public byte[] render(LearnerResults results, List<TranscriptSection> sections, Locale locale, String documentId) {
        // As the transfer's PDF: sealed at a whole second in UTC, shown in the service's time zone.
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
        OffsetDateTime local = now.atZoneSameInstant(config.timeZone()).toOffsetDateTime();
        return renderer.render(new Transcript(config.name(), documentId, local, locale, publicUrl.base() + "/verification",
                results, config.elmo().includeLearnerIdentifiers(), sections),
                signer.whileSaving(keys.current(), GregorianCalendar.from(now.toZonedDateTime()), SEAL_REASON));
    }
}
