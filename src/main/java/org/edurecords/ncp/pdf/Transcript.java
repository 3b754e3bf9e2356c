package org.edurecords.ncp.pdf;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import org.edurecords.ncp.results.LearnerResults;

/**
 * Everything the human-readable transcript shows: the same selected results the ELMO carries, and after them the
 * sections a feature adds (none in an EMREX transfer).
 *
 * @param ncpName name of this contact point
 * @param documentId identifier shared by the ELMO document and the PDF
 * @param verificationUrl where a receiver can learn how to verify the document
 * @param results the learner and the selected results only, already pruned
 * @param showNationalIdentifier whether the learner's national identifier may be printed
 * @param sections what follows the results, in this order
 */
public record Transcript(String ncpName, String documentId, OffsetDateTime generatedAt, Locale locale,
        String verificationUrl, LearnerResults results, boolean showNationalIdentifier,
        List<TranscriptSection> sections) {

    public Transcript {
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    /** A transcript of results only. */
    public Transcript(String ncpName, String documentId, OffsetDateTime generatedAt, Locale locale,
            String verificationUrl, LearnerResults results, boolean showNationalIdentifier) {
        this(ncpName, documentId, generatedAt, locale, verificationUrl, results, showNationalIdentifier, List.of());
    }
}
