package org.edurecords.ncp.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.PropertyResourceBundle;
import java.util.ResourceBundle;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.edurecords.ncp.results.AcademicTerm;
import org.edurecords.ncp.results.GradingScheme;
import org.edurecords.ncp.results.Institution;
import org.edurecords.ncp.results.InstitutionResults;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearningOpportunity;
import org.edurecords.ncp.web.Formats;
import org.edurecords.ncp.web.Languages;
import org.edurecords.ncp.web.TextBundle;
import org.edurecords.ncp.results.ResultInstance;
import org.edurecords.ncp.results.ResultStatus;

/**
 * Renders the human-readable transcript that travels as the first attachment of the ELMO document.
 *
 * <p>Each call builds its own document and layout state; the only shared data (font bytes and labels)
 * is immutable once loaded, so one instance serves concurrent requests.
 */
@ApplicationScoped
public class TranscriptPdfRenderer {

    private static final PDRectangle PAGE_SIZE = PDRectangle.A4;
    private static final float MARGIN_X = 50f;
    private static final float CONTENT_LEFT = MARGIN_X;
    private static final float CONTENT_WIDTH = PAGE_SIZE.getWidth() - 2 * MARGIN_X;
    private static final float CONTENT_RIGHT = CONTENT_LEFT + CONTENT_WIDTH;
    private static final float HEADER_BASELINE = PAGE_SIZE.getHeight() - 36f;
    private static final float HEADER_RULE = PAGE_SIZE.getHeight() - 43f;
    private static final float CONTENT_TOP = PAGE_SIZE.getHeight() - 64f;
    private static final float CONTENT_BOTTOM = 62f;
    private static final float FOOTER_RULE = 46f;
    private static final float FOOTER_BASELINE = 33f;

    private static final float TITLE_SIZE = 20f;
    private static final float HEADING_SIZE = 12f;
    private static final float BODY_SIZE = 9.5f;
    private static final float TABLE_SIZE = 8.5f;
    private static final float SMALL_SIZE = 8f;
    private static final float LINE_FACTOR = 1.35f;
    /** Outline stroke of bold text, relative to the font size: about the weight of DejaVu Sans Bold. */
    private static final float BOLD_STROKE = 0.05f;

    private static final float CELL_PADDING_X = 4f;
    private static final float CELL_PADDING_Y = 3.5f;
    private static final float INDENT_PER_LEVEL = 10f;
    private static final int MAX_INDENT_LEVELS = 4;
    /** Keeps any single row shorter than a page, whatever the data holds. */
    private static final int MAX_CELL_LINES = 30;
    private static final float KEY_COLUMN_WIDTH = 150f;

    private static final Rgb TEXT = new Rgb(0.10f, 0.10f, 0.12f);
    private static final Rgb MUTED = new Rgb(0.38f, 0.40f, 0.44f);
    private static final Rgb ACCENT = new Rgb(0.11f, 0.24f, 0.42f);
    private static final Rgb RULE = new Rgb(0.80f, 0.82f, 0.86f);
    private static final Rgb HEADER_FILL = new Rgb(0.90f, 0.93f, 0.96f);
    private static final Rgb DEGREE_FILL = new Rgb(0.96f, 0.97f, 0.98f);

    private static final String DASH = "\u2013";
    private static final String DEGREE_TYPE = "Degree Programme";

    private static final Locale NORWEGIAN = Locale.forLanguageTag("nb-NO");
    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter NORWEGIAN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm xxx");
    private static final DateTimeFormatter ENGLISH_DATE = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm xxx");

    public byte[] render(Transcript transcript) {
        return render(transcript, null);
    }

    /**
     * Renders the transcript and, when {@code signature} is given, signs it as part of the only save: the
     * signature covers the whole file as written, and the file is never parsed again.
     */
    public byte[] render(Transcript transcript, PdfSignature signature) {
        Objects.requireNonNull(transcript, "transcript");
        Objects.requireNonNull(transcript.results(), "transcript results");
        Objects.requireNonNull(transcript.results().learner(), "transcript learner");
        int fontTier = SharedResources.FONT.tierFor(allText(transcript));
        try (PreparedFont.Lease font = SharedResources.FONT.borrow(fontTier);
                PDDocument document = new PDDocument()) {
            new Composition(document, transcript, font.embedIn(document), signature != null).compose();
            ByteSink out = new ByteSink(64 * 1024);
            if (signature == null) {
                document.save(out);
                return out.toByteArray();
            }
            signature.reserve(document);
            // Without object streams the signature dictionary is written as plain bytes that can be filled in.
            document.save(out, CompressParameters.NO_COMPRESSION);
            return signature.sign(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not render the PDF transcript " + transcript.documentId(), e);
        }
    }

    /** Every text of the transcript that is not a fixed label, to choose the font that can print it. */
    private static String allText(Transcript transcript) {
        StringBuilder all = new StringBuilder(4096);
        Learner learner = transcript.results().learner();
        append(all, transcript.ncpName(), transcript.documentId(), transcript.verificationUrl(), learner.givenNames(),
                learner.familyName(), learner.nationalIdentifier());
        for (InstitutionResults institution : transcript.results().institutions()) {
            Institution i = institution.institution();
            if (i != null) {
                i.names().forEach(name -> append(all, name.text()));
                append(all, i.schac(), i.erasmus());
            }
            for (GradingScheme scheme : institution.gradingSchemes()) {
                scheme.descriptions().forEach(description -> append(all, description.text()));
            }
            for (LearningOpportunity node : institution.allOpportunities()) {
                node.titles().forEach(title -> append(all, title.text()));
                append(all, node.code(), node.result() == null ? null
                        : Formats.grade(node.result().grade(), node.result().gradingSchemeId(), transcript.locale()));
            }
        }
        for (TranscriptSection section : transcript.sections()) {
            append(all, section.heading(), section.note());
            for (TranscriptSection.Entry entry : section.entries()) {
                append(all, entry.title());
                if (entry.status() != null) {
                    append(all, entry.status().label(), entry.status().text());
                }
                entry.facts().forEach(fact -> append(all, fact.label(), fact.value()));
                if (entry.table() != null) {
                    entry.table().columns().forEach(column -> append(all, column));
                    entry.table().rows().forEach(row -> row.forEach(cell -> append(all, cell)));
                }
            }
        }
        return all.toString();
    }

    private static void append(StringBuilder all, String... texts) {
        for (String text : texts) {
            if (text != null) {
                all.append(text);
            }
        }
    }

    /** Prepared on first use, not at bean creation, and then kept: see {@link PreparedFont}. */
    private static final class SharedResources {
        /** One face, embedded once per document; bold is drawn from it (see {@link Face#emboldened}). */
        static final PreparedFont FONT = PreparedFont.load("/fonts/DejaVuSans.ttf");
    }

    private record Rgb(float r, float g, float b) {
    }

    private enum Align {
        LEFT, RIGHT
    }

    /**
     * A font embedded in one document, with what it can print. Characters the font has no glyph for are
     * replaced instead of failing the whole transcript.
     */
    private static final class Face {
        private final PDType0Font font;
        /**
         * Drawn bold by stroking the outlines of the regular face as they are filled: a second embedded face (a
         * bold font file) would cost each document as much again as the first one (ADR 0106).
         */
        private final boolean emboldened;
        private final Metrics metrics;

        Face(PDType0Font font, boolean emboldened) {
            this(font, emboldened, new Metrics(font));
        }

        private Face(PDType0Font font, boolean emboldened, Metrics metrics) {
            this.font = font;
            this.emboldened = emboldened;
            this.metrics = metrics;
        }

        /** The bold face drawn from the same font, sharing what was measured. */
        Face emboldened() {
            return new Face(font, true, metrics);
        }

        /** Text as it will be drawn: NFC, single spaces, no control characters, only glyphs the font has. */
        String clean(String text) {
            if (text == null) {
                return "";
            }
            if (alreadyClean(text)) {
                return text;
            }
            String normalized = Normalizer.normalize(text, Normalizer.Form.NFC);
            StringBuilder out = new StringBuilder(normalized.length());
            int i = 0;
            while (i < normalized.length()) {
                int codePoint = normalized.codePointAt(i);
                i += Character.charCount(codePoint);
                if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
                    if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                        out.append(' ');
                    }
                } else if (Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT) {
                    continue;
                } else {
                    out.appendCodePoint(metrics.printable(codePoint) ? codePoint : '?');
                }
            }
            return out.toString().strip();
        }

        /**
         * Most text (codes, grades, dates, English titles) is printable ASCII with single inner spaces, which is
         * its own clean form (ASCII is unchanged by NFC): no need to build it again.
         */
        private boolean alreadyClean(String text) {
            int n = text.length();
            if (n > 0 && (text.charAt(0) == ' ' || text.charAt(n - 1) == ' ')) {
                return false;
            }
            char previous = 0;
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (c == ' ' ? previous == ' ' : c < 0x21 || c > 0x7E || !metrics.printable(c)) {
                    return false;
                }
                previous = c;
            }
            return true;
        }

        /** Width in points of text already passed through {@link #clean}. */
        float width(String cleaned, float size) throws IOException {
            float units = 0f;
            for (int i = 0; i < cleaned.length(); ) {
                int codePoint = cleaned.codePointAt(i);
                i += Character.charCount(codePoint);
                units += metrics.advance(codePoint);
            }
            return units / 1000f * size;
        }
    }

    /**
     * What the document's font can print, the code of each character and how wide it is, found once per document
     * and shared by its faces. Line breaking measures the same characters thousands of times, and PDFBox measures
     * and encodes a string character by character through maps of boxed integers; without kerning and glyph
     * substitutions, the sum of the characters' advances and the concatenation of their codes are the same
     * results. The prepared fonts have no substitution tables; with the whole font (rare scripts) substitutions
     * are not applied either, so what line breaking measures is what is drawn. Latin characters are looked up in
     * arrays, others in maps.
     */
    private static final class Metrics {
        private static final int TABLE = 0x250;
        private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] SHOW_TEXT = "> Tj\n".getBytes(StandardCharsets.US_ASCII);
        private final PDType0Font font;
        /** The two-byte code (CID) of each character as PDFBox encodes it; 0: not asked yet, -1: no glyph. */
        private final int[] code = new int[TABLE];
        private final float[] advance = new float[TABLE];
        private final Map<Integer, Integer> otherCode = new HashMap<>();
        private final Map<Integer, Float> otherAdvance = new HashMap<>();
        /** Characters already named to the subsetter, which needs each one once, not once per use. */
        private final BitSet inSubset = new BitSet();

        Metrics(PDType0Font font) {
            this.font = font;
            java.util.Arrays.fill(advance, Float.NaN);
        }

        boolean printable(int codePoint) {
            return code(codePoint) > 0;
        }

        private int code(int codePoint) {
            if (codePoint >= TABLE) {
                return otherCode.computeIfAbsent(codePoint, this::encode);
            }
            if (code[codePoint] == 0) {
                code[codePoint] = encode(codePoint);
            }
            return code[codePoint];
        }

        float advance(int codePoint) throws IOException {
            if (codePoint >= TABLE) {
                Float glyph = otherAdvance.get(codePoint);
                if (glyph == null) {
                    glyph = measure(codePoint);
                    otherAdvance.put(codePoint, glyph);
                }
                return glyph;
            }
            if (Float.isNaN(advance[codePoint])) {
                advance[codePoint] = measure(codePoint);
            }
            return advance[codePoint];
        }

        /**
         * The show-text operation for text already passed through {@link Face#clean}: its codes as a hex string
         * and {@code Tj}, what PDFBox's showText writes; every character is named to the font's subset.
         */
        byte[] showText(String cleaned) {
            byte[] operation = new byte[1 + 4 * cleaned.length() + SHOW_TEXT.length];
            operation[0] = '<';
            int at = 1;
            for (int i = 0; i < cleaned.length(); ) {
                int codePoint = cleaned.codePointAt(i);
                i += Character.charCount(codePoint);
                int cid = code(codePoint);
                if (cid <= 0) {
                    throw new IllegalArgumentException("No glyph for U+" + Integer.toHexString(codePoint));
                }
                if (!inSubset.get(codePoint)) {
                    font.addToSubset(codePoint);
                    inSubset.set(codePoint);
                }
                operation[at++] = HEX[(cid >> 12) & 0xf];
                operation[at++] = HEX[(cid >> 8) & 0xf];
                operation[at++] = HEX[(cid >> 4) & 0xf];
                operation[at++] = HEX[cid & 0xf];
            }
            System.arraycopy(SHOW_TEXT, 0, operation, at, SHOW_TEXT.length);
            at += SHOW_TEXT.length;
            return at == operation.length ? operation : java.util.Arrays.copyOf(operation, at);
        }

        private float measure(int codePoint) throws IOException {
            return font.getStringWidth(new String(Character.toChars(codePoint)));
        }

        /** The code PDFBox gives the character (Identity-H: two bytes, the glyph id), or -1 without a glyph. */
        private int encode(int codePoint) {
            try {
                byte[] bytes = font.encode(new String(Character.toChars(codePoint)));
                return bytes.length == 2 ? (bytes[0] & 0xff) << 8 | (bytes[1] & 0xff) : -1;
            } catch (IllegalArgumentException | IOException e) {
                return -1;
            }
        }
    }

    /** One cell's content and style before it is broken into lines. */
    private record Cell(String text, Face face, Align align, float indent) {
    }

    /** The layout of one transcript: a cursor moving down the pages of one document. */
    private static final class Composition {
        private final PDDocument document;
        private final Transcript transcript;
        private final Locale locale;
        private final boolean norwegian;
        private final TextBundle labels;
        private final DateTimeFormatter dateFormat;
        private final DateTimeFormatter timeFormat;
        /** Not thread-safe, hence one per composition. */
        private final DecimalFormat creditFormat;
        private final Map<BigDecimal, String> formattedCredits = new HashMap<>();
        private final Face regular;
        private final Face bold;
        private final String learnerName;

        /** Whether the PDF carries its own seal (PAdES), which the last section states. */
        private final boolean sealed;
        private float[] columnWidths;
        /** Whether the date column also shows academic terms. */
        private boolean withTerms;
        private PDPageContentStream stream;
        /** What the current content stream has set already, so that it is not set again for every text. */
        private PDType0Font streamFont;
        private float streamFontSize;
        private boolean streamEmboldened;
        private Rgb streamFill;
        private Rgb streamStroke;
        private float streamLineWidth;
        private float y;

        Composition(PDDocument document, Transcript transcript, PDType0Font font, boolean sealed) {
            this.sealed = sealed;
            this.document = document;
            this.transcript = transcript;
            this.locale = transcript.locale() != null ? transcript.locale() : Locale.ENGLISH;
            this.norwegian = Languages.norwegianConventions(locale);
            this.labels = TextBundle.of("pdf", locale);
            this.dateFormat = norwegian ? NORWEGIAN_DATE : ENGLISH_DATE;
            this.timeFormat = norwegian ? NORWEGIAN_TIME : ENGLISH_TIME;
            this.creditFormat = new DecimalFormat("0.0#", DecimalFormatSymbols.getInstance(norwegian ? NORWEGIAN : Locale.ENGLISH));
            this.creditFormat.setRoundingMode(RoundingMode.HALF_UP);
            // Subset embedding keeps only the glyphs used, which is what keeps the attachment small.
            this.regular = new Face(font, false);
            this.bold = regular.emboldened();
            this.learnerName = fullName(transcript.results().learner());
        }

        void compose() throws IOException {
            withTerms = anyTerm();
            describeDocument();
            columnWidths = columnWidths();
            newPage();
            try {
                titleBlock();
                learnerBlock();
                List<InstitutionResults> institutions = transcript.results().institutions();
                if (institutions.isEmpty() && transcript.sections().isEmpty()) {
                    paragraph(labels.get("pdf_noResults"), regular, BODY_SIZE, TEXT, 0);
                }
                for (InstitutionResults institution : institutions) {
                    institutionSection(institution);
                }
                for (TranscriptSection section : transcript.sections()) {
                    section(section);
                }
                verificationHint();
            } finally {
                stream.close();
            }
            headersAndFooters();
        }

        // ----- document level

        private void describeDocument() {
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(labels.get("pdf_title") + (learnerName.isEmpty() ? "" : " " + DASH + " " + learnerName));
            info.setSubject(transcript.documentId());
            if (transcript.ncpName() != null) {
                info.setProducer(transcript.ncpName());
                info.setCreator(transcript.ncpName());
            }
            if (transcript.generatedAt() != null) {
                GregorianCalendar created = GregorianCalendar.from(transcript.generatedAt().toZonedDateTime());
                info.setCreationDate(created);
                info.setModificationDate(created);
            }
            // Lets screen readers and text extraction pick the right language.
            document.getDocumentCatalog().setLanguage(locale.getLanguage());
        }

        private void titleBlock() throws IOException {
            paragraph(labels.get("pdf_title"), bold, TITLE_SIZE, ACCENT, 0);
            y -= 6f;
            keyValue(labels.get("pdf_issuedBy"), orDash(transcript.ncpName()));
            keyValue(labels.get("pdf_documentId"), orDash(transcript.documentId()));
            keyValue(labels.get("pdf_generatedAt"), formatTime(transcript.generatedAt()));
            y -= 8f;
            rule(CONTENT_LEFT, CONTENT_RIGHT, y, 0.6f);
            y -= 12f;
        }

        private void learnerBlock() throws IOException {
            Learner learner = transcript.results().learner();
            paragraph(labels.get("pdf_learner"), bold, HEADING_SIZE, ACCENT, 0);
            y -= 3f;
            keyValue(labels.get("pdf_name"), learnerName.isEmpty() ? DASH : learnerName);
            keyValue(labels.get("pdf_birthDate"), formatDate(learner.birthDate()));
            if (transcript.showNationalIdentifier() && !isBlank(learner.nationalIdentifier())) {
                keyValue(labels.get("pdf_nationalIdentifier"), learner.nationalIdentifier());
            }
            y -= 14f;
        }

        private void institutionSection(InstitutionResults results) throws IOException {
            String name = institutionName(results.institution());
            // Keep the heading with the table header and at least one row.
            if (!fits(95f)) {
                newPage();
            }
            paragraph(name, bold, HEADING_SIZE, ACCENT, 0);
            String identifiers = identifiers(results.institution());
            if (!identifiers.isEmpty()) {
                paragraph(identifiers, regular, SMALL_SIZE, MUTED, 0);
            }
            y -= 5f;
            tableHeader();
            for (LearningOpportunity root : results.roots()) {
                opportunityRows(name, root, 0);
            }
            totalRow(name, results);
            gradingLegend(results.gradingSchemes());
            y -= 16f;
        }

        private void verificationHint() throws IOException {
            String url = transcript.verificationUrl();
            String text;
            if (sealed) {
                // Who sealed and when, stated visibly: the seal's signing time is the document's time.
                String by = orDash(transcript.ncpName());
                String when = formatTime(transcript.generatedAt());
                text = isBlank(url) ? labels.get("pdf_seal_textNoUrl", "by", by, "when", when)
                        : labels.get("pdf_seal_text", "by", by, "when", when, "url", url.strip());
            } else {
                text = isBlank(url) ? labels.get("pdf_verification_textNoUrl")
                        : labels.get("pdf_verification_text", "url", url.strip());
            }
            if (!fits(60f)) {
                newPage();
            }
            y -= 4f;
            rule(CONTENT_LEFT, CONTENT_RIGHT, y, 0.6f);
            y -= 8f;
            paragraph(labels.get(sealed ? "pdf_seal_heading" : "pdf_verification_heading"), bold, BODY_SIZE, TEXT, 0);
            y -= 1f;
            paragraph(text, regular, SMALL_SIZE, MUTED, 0);
        }

        /** Runs after layout, because "Page N of M" needs to know M. */
        private void headersAndFooters() throws IOException {
            int pageCount = document.getNumberOfPages();
            String ncpName = orDash(transcript.ncpName());
            String documentLine = labels.get("pdf_documentId") + ": " + orDash(transcript.documentId());
            float half = CONTENT_WIDTH / 2f - 10f;
            for (int index = 0; index < pageCount; index++) {
                PDPage page = document.getPage(index);
                try (PDPageContentStream decoration = new PDPageContentStream(document, page,
                        PDPageContentStream.AppendMode.APPEND, true, true)) {
                    use(decoration);
                    text(ellipsize(regular, ncpName, SMALL_SIZE, half), regular, SMALL_SIZE, MUTED,
                            CONTENT_LEFT, HEADER_BASELINE);
                    rightAligned(ellipsize(regular, learnerName, SMALL_SIZE, half), regular, SMALL_SIZE, MUTED,
                            CONTENT_RIGHT, HEADER_BASELINE);
                    rule(CONTENT_LEFT, CONTENT_RIGHT, HEADER_RULE, 0.5f);
                    rule(CONTENT_LEFT, CONTENT_RIGHT, FOOTER_RULE, 0.5f);
                    text(ellipsize(regular, documentLine, SMALL_SIZE, half), regular, SMALL_SIZE, MUTED,
                            CONTENT_LEFT, FOOTER_BASELINE);
                    rightAligned(regular.clean(labels.get("pdf_page", "page", index + 1, "pages", pageCount)), regular, SMALL_SIZE, MUTED,
                            CONTENT_RIGHT, FOOTER_BASELINE);
                } finally {
                    stream = null;
                }
            }
        }

        // ----- the sections a feature adds after the results

        private void section(TranscriptSection section) throws IOException {
            // Keep the heading with the first entry's title and a line or two.
            if (!fits(80f)) {
                newPage();
            }
            paragraph(orDash(section.heading()), bold, HEADING_SIZE, ACCENT, 0);
            if (!isBlank(section.note())) {
                paragraph(section.note(), regular, SMALL_SIZE, MUTED, 0);
            }
            y -= 5f;
            for (TranscriptSection.Entry entry : section.entries()) {
                entry(section, entry);
            }
            y -= 10f;
        }

        private void entry(TranscriptSection section, TranscriptSection.Entry entry) throws IOException {
            // A short entry is kept on one page; a long one starts where there is room for its beginning.
            float estimate = estimatedHeight(entry);
            if (!fits(Math.min(estimate, 50f)) || (estimate < (CONTENT_TOP - CONTENT_BOTTOM) / 2 && !fits(estimate))) {
                newPage();
            }
            paragraph(orDash(entry.title()), bold, BODY_SIZE + 0.5f, TEXT, 0);
            y -= 2f;
            if (entry.status() != null) {
                statusLine(entry.status());
            }
            for (TranscriptSection.Fact fact : entry.facts()) {
                keyValue(fact.label(), orDash(fact.value()));
            }
            TranscriptSection.Table table = entry.table();
            if (table != null && !table.columns().isEmpty() && !table.rows().isEmpty()) {
                y -= 5f;
                float[] widths = sectionColumnWidths(table);
                String continued = isBlank(entry.title()) ? orDash(section.heading()) : entry.title();
                // The column header never stands alone at the foot of a page.
                if (!fits(2 * rowHeight(List.of(List.of("")))  + 2 * CELL_PADDING_Y)) {
                    newPage();
                    paragraph(labels.get("pdf_continued", "heading", continued), bold, BODY_SIZE, ACCENT, 0);
                    y -= 3f;
                }
                sectionHeader(table, widths);
                for (List<String> row : table.rows()) {
                    Cell[] cells = new Cell[table.columns().size()];
                    for (int column = 0; column < cells.length; column++) {
                        cells[column] = new Cell(column < row.size() ? orDash(row.get(column)) : DASH, regular,
                                Align.LEFT, 0f);
                    }
                    List<List<String>> lines = cellLines(cells, widths);
                    if (!fits(rowHeight(lines))) {
                        newPage();
                        paragraph(labels.get("pdf_continued", "heading", continued), bold, BODY_SIZE, ACCENT, 0);
                        y -= 3f;
                        sectionHeader(table, widths);
                    }
                    drawRow(cells, lines, widths, null, TEXT, 0.4f);
                }
            }
            y -= 10f;
        }

        /** About the height of an entry, its table up to three rows: enough to keep a short entry together. */
        private static float estimatedHeight(TranscriptSection.Entry entry) {
            float line = BODY_SIZE * LINE_FACTOR;
            float height = 2 * line + (entry.status() == null ? 0f : line) + entry.facts().size() * line;
            if (entry.table() != null && !entry.table().rows().isEmpty()) {
                height += (1 + Math.min(entry.table().rows().size(), 3)) * (TABLE_SIZE * LINE_FACTOR + 2 * CELL_PADDING_Y) + 5f;
            }
            return height;
        }

        /** The status in words; one that does not stand is bold with a bar beside it as well. */
        private void statusLine(TranscriptSection.Status status) throws IOException {
            String text = isBlank(status.label()) ? orDash(status.text()) : status.label() + ": " + orDash(status.text());
            if (status.standing()) {
                keyValue(isBlank(status.label()) ? "" : status.label(), orDash(status.text()));
                return;
            }
            float indent = 8f;
            float leading = BODY_SIZE * LINE_FACTOR;
            List<String> lines = wrap(bold, text, BODY_SIZE, CONTENT_WIDTH - indent);
            float height = lines.size() * leading;
            if (!fits(height)) {
                newPage();
            }
            fill(TEXT);
            stream.addRect(CONTENT_LEFT, y - height + 1f, 3f, height);
            stream.fill();
            float baseline = y - BODY_SIZE;
            for (String line : lines) {
                text(line, bold, BODY_SIZE, TEXT, CONTENT_LEFT + indent, baseline);
                baseline -= leading;
            }
            y -= height + 2f;
        }

        private void sectionHeader(TranscriptSection.Table table, float[] widths) throws IOException {
            Cell[] cells = new Cell[table.columns().size()];
            for (int column = 0; column < cells.length; column++) {
                cells[column] = new Cell(orDash(table.columns().get(column)), bold, Align.LEFT, 0f);
            }
            drawRow(cells, widths, HEADER_FILL, ACCENT, 0.8f);
        }

        /**
         * Each column as wide as its content, up to a share of the page, and never narrower than the longest word
         * of its heading or (while the wide column keeps room) of its cells; the wide column gets what is left.
         */
        private float[] sectionColumnWidths(TranscriptSection.Table table) throws IOException {
            int count = table.columns().size();
            int wide = table.wideColumn() >= 0 && table.wideColumn() < count ? table.wideColumn() : count - 1;
            float padding = 2 * CELL_PADDING_X + 1f;
            float cap = count == 1 ? CONTENT_WIDTH : Math.min(130f, (CONTENT_WIDTH - 120f) / (count - 1) - padding);
            float[] widths = new float[count];
            float[] withoutWords = new float[count];
            float used = 0f;
            float usedWithoutWords = 0f;
            for (int column = 0; column < count; column++) {
                if (column == wide) {
                    continue;
                }
                float header = widestWord(bold, table.columns().get(column));
                float natural = bold.width(bold.clean(table.columns().get(column)), TABLE_SIZE);
                float word = 0f;
                for (List<String> row : table.rows()) {
                    if (column < row.size()) {
                        String cell = orDash(row.get(column));
                        natural = Math.max(natural, regular.width(regular.clean(cell), TABLE_SIZE));
                        word = Math.max(word, widestWord(regular, cell));
                    }
                }
                withoutWords[column] = Math.max(Math.min(natural, cap), header) + padding;
                widths[column] = Math.max(withoutWords[column], word + padding);
                used += widths[column];
                usedWithoutWords += withoutWords[column];
            }
            // Words are only broken when keeping them whole would squeeze the wide column.
            if (CONTENT_WIDTH - used < 100f) {
                widths = withoutWords;
                used = usedWithoutWords;
            }
            widths[wide] = Math.max(CONTENT_WIDTH - used, 40f);
            return widths;
        }

        // ----- the results table

        private static final int CODE = 0;
        private static final int TITLE = 1;
        private static final int DATE = 2;
        private static final int GRADE = 3;
        private static final int CREDITS = 4;
        private static final int STATUS = 5;
        private static final String[] COLUMN_KEYS = {
            "pdf_column_code", "pdf_column_title", "pdf_column_date", "pdf_column_grade", "pdf_column_credits",
            "pdf_column_status" };
        /** Upper bounds for the content of the narrow columns; longer content wraps. The title takes what is left. */
        private static final float[] COLUMN_CAPS = { 80f, 0f, 60f, 52f, 50f, 70f };

        /** One set of widths for the whole document, so all institution tables line up. */
        private float[] columnWidths() throws IOException {
            float[] natural = new float[COLUMN_KEYS.length];
            float[] headerWords = new float[COLUMN_KEYS.length];
            for (int column = 0; column < COLUMN_KEYS.length; column++) {
                headerWords[column] = widestWord(bold, columnLabel(column));
                natural[column] = headerWords[column];
            }
            // Degree rows are bold and carry dates too; a date must not wrap.
            natural[DATE] = Math.max(natural[DATE], bold.width(bold.clean(formatDate(LocalDate.of(2000, 12, 31))), TABLE_SIZE));
            for (ResultStatus status : ResultStatus.values()) {
                natural[STATUS] = Math.max(natural[STATUS], bold.width(bold.clean(statusLabel(status)), TABLE_SIZE));
            }
            for (InstitutionResults institution : transcript.results().institutions()) {
                natural[CREDITS] = Math.max(natural[CREDITS],
                        bold.width(bold.clean(formatCredits(totalCredits(institution))), TABLE_SIZE));
                for (LearningOpportunity root : institution.roots()) {
                    for (LearningOpportunity node : root.flatten()) {
                        Face face = isDegree(node) ? bold : regular;
                        ResultInstance result = node.result();
                        natural[CODE] = Math.max(natural[CODE], face.width(face.clean(node.code()), TABLE_SIZE));
                        if (result != null) {
                            // A term sits on its own line under the date; it may wrap only beyond the cap.
                            natural[DATE] = Math.max(natural[DATE], face.width(face.clean(termTitle(result)), TABLE_SIZE));
                            natural[GRADE] = Math.max(natural[GRADE],
                                    face.width(face.clean(grade(result)), TABLE_SIZE));
                            natural[CREDITS] = Math.max(natural[CREDITS],
                                    face.width(face.clean(formatCredits(rowCredits(node))), TABLE_SIZE));
                        }
                    }
                }
            }
            float[] widths = new float[COLUMN_KEYS.length];
            float used = 0f;
            for (int column = 0; column < widths.length; column++) {
                if (column != TITLE) {
                    // Content may wrap, a column label word may not: "Studiepoe-ng" would look broken.
                    float capped = Math.min(natural[column], COLUMN_CAPS[column]);
                    widths[column] = Math.max(capped, headerWords[column]) + 2 * CELL_PADDING_X + 1f;
                    used += widths[column];
                }
            }
            widths[TITLE] = CONTENT_WIDTH - used;
            return widths;
        }

        private float widestWord(Face face, String text) throws IOException {
            float widest = 0f;
            for (String word : face.clean(text).split(" ")) {
                widest = Math.max(widest, face.width(word, TABLE_SIZE));
            }
            return widest;
        }

        /** "Date" or, when some result has an academic term (shown under its date), "Date / term". */
        private String columnLabel(int column) {
            return column == DATE && withTerms ? labels.get("pdf_column_dateTerm") : labels.get(COLUMN_KEYS[column]);
        }

        private boolean anyTerm() {
            for (InstitutionResults institution : transcript.results().institutions()) {
                for (LearningOpportunity node : institution.allOpportunities()) {
                    if (node.result() != null && !isBlank(termTitle(node.result()))) {
                        return true;
                    }
                }
            }
            return false;
        }

        private String termTitle(ResultInstance result) {
            AcademicTerm term = result.academicTerm();
            return term == null ? null : term.title().in(locale);
        }

        /** The date, and under it (the column is as wide as a date) the academic term, if any. */
        private String dateAndTerm(ResultInstance result) {
            String term = termTitle(result);
            if (isBlank(term)) {
                return formatDate(result.date());
            }
            return result.date() == null ? term.strip() : formatDate(result.date()) + " " + term.strip();
        }

        private void tableHeader() throws IOException {
            Cell[] cells = new Cell[COLUMN_KEYS.length];
            for (int column = 0; column < cells.length; column++) {
                cells[column] = new Cell(columnLabel(column), bold,
                        column == CREDITS ? Align.RIGHT : Align.LEFT, 0f);
            }
            drawRow(cells, columnWidths, HEADER_FILL, ACCENT, 0.8f);
        }

        private void opportunityRows(String institutionName, LearningOpportunity node, int depth) throws IOException {
            ResultInstance result = node.result();
            Face face = isDegree(node) ? bold : regular;
            Cell[] cells = {
                new Cell(orDash(node.code()), face, Align.LEFT, 0f),
                new Cell(titleWithParts(node), face, Align.LEFT, Math.min(depth, MAX_INDENT_LEVELS) * INDENT_PER_LEVEL),
                new Cell(result == null ? DASH : dateAndTerm(result), face, Align.LEFT, 0f),
                new Cell(result == null ? DASH : orDash(grade(result)), face, Align.LEFT, 0f),
                new Cell(result == null ? DASH : formatCredits(rowCredits(node)), face, Align.RIGHT, 0f),
                new Cell(result == null ? DASH : statusLabel(result.status()), face, Align.LEFT, 0f),
            };
            rowWithPageBreak(institutionName, cells, isDegree(node) ? DEGREE_FILL : null, 0.4f);
            for (LearningOpportunity child : node.children()) {
                opportunityRows(institutionName, child, depth + 1);
            }
        }

        /** The title, and for a result with parts of which only some were selected, the statement that says so. */
        private String titleWithParts(LearningOpportunity node) {
            String title = orDash(node.title(locale));
            if (!node.partial()) {
                return title;
            }
            return title + " (" + labels.get("pdf_parts_included", "included", node.parts().included(), "total", node.parts().total()) + ")";
        }

        /** A row's credits: the node's own, or for a degree the credits of the whole degree (see SelectedParts). */
        private static BigDecimal rowCredits(LearningOpportunity node) {
            return node.result() == null ? null : node.shownCredits();
        }

        private void totalRow(String institutionName, InstitutionResults results) throws IOException {
            Cell[] cells = {
                new Cell("", bold, Align.LEFT, 0f),
                new Cell(labels.get("pdf_totalCredits"), bold, Align.LEFT, 0f),
                new Cell("", bold, Align.LEFT, 0f),
                new Cell("", bold, Align.LEFT, 0f),
                new Cell(formatCredits(totalCredits(results)), bold, Align.RIGHT, 0f),
                new Cell("", bold, Align.LEFT, 0f),
            };
            rowWithPageBreak(institutionName, cells, null, 0.8f);
        }

        /** On a new page the table continues under a repeated heading and column header. */
        private void rowWithPageBreak(String institutionName, Cell[] cells, Rgb fill, float ruleWidth) throws IOException {
            List<List<String>> lines = cellLines(cells, columnWidths);
            if (!fits(rowHeight(lines))) {
                newPage();
                paragraph(labels.get("pdf_continued", "heading", institutionName), bold, BODY_SIZE, ACCENT, 0);
                y -= 3f;
                tableHeader();
            }
            drawRow(cells, lines, columnWidths, fill, TEXT, ruleWidth);
        }

        private void drawRow(Cell[] cells, float[] widths, Rgb fill, Rgb color, float ruleWidth) throws IOException {
            drawRow(cells, cellLines(cells, widths), widths, fill, color, ruleWidth);
        }

        private void drawRow(Cell[] cells, List<List<String>> lines, float[] widths, Rgb fill, Rgb color,
                float ruleWidth) throws IOException {
            float height = rowHeight(lines);
            if (fill != null) {
                fill(fill);
                stream.addRect(CONTENT_LEFT, y - height, CONTENT_WIDTH, height);
                stream.fill();
            }
            float leading = TABLE_SIZE * LINE_FACTOR;
            float columnLeft = CONTENT_LEFT;
            // Cell by cell, each cell's lines together: extraction then reads a wrapped title as one run of text.
            for (int column = 0; column < cells.length; column++) {
                Cell cell = cells[column];
                float baseline = y - CELL_PADDING_Y - TABLE_SIZE;
                for (String line : lines.get(column)) {
                    if (cell.align() == Align.RIGHT) {
                        rightAligned(line, cell.face(), TABLE_SIZE, color, columnLeft + widths[column] - CELL_PADDING_X,
                                baseline);
                    } else {
                        text(line, cell.face(), TABLE_SIZE, color, columnLeft + CELL_PADDING_X + cell.indent(), baseline);
                    }
                    baseline -= leading;
                }
                columnLeft += widths[column];
            }
            y -= height;
            rule(CONTENT_LEFT, CONTENT_RIGHT, y, ruleWidth);
        }

        private List<List<String>> cellLines(Cell[] cells, float[] widths) throws IOException {
            List<List<String>> lines = new ArrayList<>(cells.length);
            for (int column = 0; column < cells.length; column++) {
                Cell cell = cells[column];
                float available = widths[column] - 2 * CELL_PADDING_X - cell.indent();
                List<String> wrapped = wrap(cell.face(), cell.text(), TABLE_SIZE, available);
                if (wrapped.size() > MAX_CELL_LINES) {
                    wrapped = new ArrayList<>(wrapped.subList(0, MAX_CELL_LINES));
                    String last = wrapped.get(MAX_CELL_LINES - 1);
                    wrapped.set(MAX_CELL_LINES - 1, ellipsize(cell.face(), last + " \u2026", TABLE_SIZE, available));
                }
                lines.add(wrapped);
            }
            return lines;
        }

        private static float rowHeight(List<List<String>> lines) {
            int maxLines = 1;
            for (List<String> cell : lines) {
                maxLines = Math.max(maxLines, cell.size());
            }
            return maxLines * TABLE_SIZE * LINE_FACTOR + 2 * CELL_PADDING_Y - (TABLE_SIZE * (LINE_FACTOR - 1f));
        }

        private void gradingLegend(List<GradingScheme> schemes) throws IOException {
            List<String> descriptions = new ArrayList<>();
            for (GradingScheme scheme : schemes) {
                String description = scheme.description(locale);
                if (!isBlank(description)) {
                    descriptions.add(description);
                }
            }
            if (descriptions.isEmpty()) {
                return;
            }
            y -= 8f;
            if (!fits(30f)) {
                newPage();
            }
            paragraph(labels.get("pdf_gradingSchemes"), bold, SMALL_SIZE, TEXT, 0);
            y -= 1f;
            for (String description : descriptions) {
                bullet(description);
            }
        }

        private void bullet(String text) throws IOException {
            float indent = 10f;
            float leading = SMALL_SIZE * LINE_FACTOR;
            boolean first = true;
            for (String line : wrap(regular, text, SMALL_SIZE, CONTENT_WIDTH - indent)) {
                if (!fits(leading)) {
                    newPage();
                }
                float baseline = y - SMALL_SIZE;
                if (first) {
                    text("\u2022", regular, SMALL_SIZE, MUTED, CONTENT_LEFT + 2f, baseline);
                    first = false;
                }
                text(line, regular, SMALL_SIZE, MUTED, CONTENT_LEFT + indent, baseline);
                y -= leading;
            }
        }

        // ----- text primitives

        private void keyValue(String key, String value) throws IOException {
            float leading = BODY_SIZE * LINE_FACTOR;
            List<String> keyLines = wrap(regular, key, BODY_SIZE, KEY_COLUMN_WIDTH - 8f);
            List<String> valueLines = wrap(regular, value, BODY_SIZE, CONTENT_WIDTH - KEY_COLUMN_WIDTH);
            float height = Math.max(keyLines.size(), valueLines.size()) * leading;
            if (!fits(height)) {
                newPage();
            }
            float baseline = y - BODY_SIZE;
            for (String line : keyLines) {
                text(line, regular, BODY_SIZE, MUTED, CONTENT_LEFT, baseline);
                baseline -= leading;
            }
            baseline = y - BODY_SIZE;
            for (String line : valueLines) {
                text(line, regular, BODY_SIZE, TEXT, CONTENT_LEFT + KEY_COLUMN_WIDTH, baseline);
                baseline -= leading;
            }
            y -= height;
        }

        private void paragraph(String text, Face face, float size, Rgb color, float indent) throws IOException {
            float leading = size * LINE_FACTOR;
            for (String line : wrap(face, text, size, CONTENT_WIDTH - indent)) {
                if (!fits(leading)) {
                    newPage();
                }
                text(line, face, size, color, CONTENT_LEFT + indent, y - size);
                y -= leading;
            }
        }

        /** Breaks at spaces; a word wider than the line (a URL, a long code) is broken where it must. */
        private List<String> wrap(Face face, String text, float size, float maxWidth) throws IOException {
            String cleaned = face.clean(text);
            // Most cells (codes, dates, grades, credits, most titles) fit on one line as they are.
            if (cleaned.isEmpty()) {
                return List.of();
            }
            if (face.width(cleaned, size) <= maxWidth) {
                return List.of(cleaned);
            }
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            // Widths add up (no kerning), so a candidate line is measured from the line so far plus the word.
            float lineWidth = 0f;
            float space = face.width(" ", size);
            for (String word : cleaned.split(" ")) {
                if (word.isEmpty()) {
                    continue;
                }
                float wordWidth = face.width(word, size);
                float candidate = line.length() == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (candidate <= maxWidth) {
                    if (line.length() > 0) {
                        line.append(' ');
                    }
                    line.append(word);
                    lineWidth = candidate;
                    continue;
                }
                if (line.length() > 0) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                String rest = word;
                float restWidth = wordWidth;
                while (restWidth > maxWidth) {
                    int cut = fittingPrefixLength(face, rest, size, maxWidth);
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                    restWidth = face.width(rest, size);
                }
                line.append(rest);
                lineWidth = restWidth;
            }
            if (line.length() > 0) {
                lines.add(line.toString());
            }
            return lines;
        }

        /** At least one code point, so wrapping always advances even in an absurdly narrow column. */
        private static int fittingPrefixLength(Face face, String word, float size, float maxWidth) throws IOException {
            int end = word.offsetByCodePoints(0, 1);
            while (end < word.length()) {
                int next = word.offsetByCodePoints(end, 1);
                if (face.width(word.substring(0, next), size) > maxWidth) {
                    break;
                }
                end = next;
            }
            return end;
        }

        private String ellipsize(Face face, String text, float size, float maxWidth) throws IOException {
            String cleaned = face.clean(text);
            if (face.width(cleaned, size) <= maxWidth) {
                return cleaned;
            }
            String ellipsis = "\u2026";
            int end = cleaned.length();
            while (end > 0 && face.width(cleaned.substring(0, end).strip() + ellipsis, size) > maxWidth) {
                end = cleaned.offsetByCodePoints(end, -1);
            }
            return cleaned.substring(0, end).strip() + ellipsis;
        }

        /** Draws text already passed through {@link Face#clean}. */
        private void text(String cleaned, Face face, float size, Rgb color, float x, float baseline) throws IOException {
            if (cleaned.isEmpty()) {
                return;
            }
            fill(color);
            if (face.emboldened) {
                stroke(color, size * BOLD_STROKE);
            }
            stream.beginText();
            // Font, size and rendering mode are graphics state: they carry over from one text object to the next.
            if (face.font != streamFont || size != streamFontSize) {
                stream.setFont(face.font, size);
                streamFont = face.font;
                streamFontSize = size;
            }
            if (face.emboldened != streamEmboldened) {
                stream.setRenderingMode(face.emboldened ? RenderingMode.FILL_STROKE : RenderingMode.FILL);
                streamEmboldened = face.emboldened;
            }
            stream.newLineAtOffset(x, baseline);
            stream.appendRawCommands(face.metrics.showText(cleaned));
            stream.endText();
        }

        private void rightAligned(String cleaned, Face face, float size, Rgb color, float right, float baseline)
                throws IOException {
            text(cleaned, face, size, color, right - face.width(cleaned, size), baseline);
        }

        private void rule(float from, float to, float at, float width) throws IOException {
            stroke(RULE, width);
            stream.moveTo(from, at);
            stream.lineTo(to, at);
            stream.stroke();
        }

        private boolean fits(float height) {
            return y - height >= CONTENT_BOTTOM;
        }

        /** Starts writing to a content stream, whose graphics state starts from the defaults. */
        private void use(PDPageContentStream next) {
            stream = next;
            streamFont = null;
            streamFill = null;
            streamStroke = null;
            streamLineWidth = -1f;
            streamEmboldened = false;
        }

        private void stroke(Rgb color, float width) throws IOException {
            if (color != streamStroke) {
                stream.setStrokingColor(color.r(), color.g(), color.b());
                streamStroke = color;
            }
            if (width != streamLineWidth) {
                stream.setLineWidth(width);
                streamLineWidth = width;
            }
        }

        private void fill(Rgb color) throws IOException {
            if (color != streamFill) {
                stream.setNonStrokingColor(color.r(), color.g(), color.b());
                streamFill = color;
            }
        }

        private void newPage() throws IOException {
            if (stream != null) {
                stream.close();
            }
            PDPage page = new PDPage(PAGE_SIZE);
            document.addPage(page);
            use(new PDPageContentStream(document, page));
            y = CONTENT_TOP;
        }

        // ----- formatting

        private String formatDate(LocalDate date) {
            return date == null ? DASH : dateFormat.format(date);
        }

        private String formatTime(OffsetDateTime time) {
            return time == null ? DASH : timeFormat.format(time);
        }

        private String formatCredits(BigDecimal credits) {
            // Measured for the column width, then drawn; most results share a handful of values.
            return credits == null ? DASH : formattedCredits.computeIfAbsent(credits, creditFormat::format);
        }

        private String statusLabel(ResultStatus status) {
            if (status == null) {
                return DASH;
            }
            return switch (status) {
                case PASSED -> labels.get("pdf_status_passed");
                case FAILED -> labels.get("pdf_status_failed");
                case IN_PROGRESS -> labels.get("pdf_status_inProgress");
            };
        }

        private String institutionName(Institution institution) {
            if (institution == null) {
                return DASH;
            }
            String name = institution.name(locale);
            return isBlank(name) ? orDash(institution.schac()) : name;
        }

        private static String identifiers(Institution institution) {
            if (institution == null) {
                return "";
            }
            List<String> parts = new ArrayList<>();
            if (!isBlank(institution.schac())) {
                parts.add(institution.schac().strip());
            }
            if (!isBlank(institution.erasmus())) {
                parts.add("Erasmus " + institution.erasmus().strip());
            }
            return String.join(" \u00b7 ", parts);
        }

        /** Same rule as {@link LearningOpportunity#totalCredits()}, tolerant of a node without a result. */
        private static BigDecimal totalCredits(InstitutionResults institution) {
            BigDecimal sum = BigDecimal.ZERO;
            for (LearningOpportunity root : institution.roots()) {
                sum = sum.add(credits(root));
            }
            return sum;
        }

        private static BigDecimal credits(LearningOpportunity node) {
            if (node.result() != null && node.result().ectsCredits() != null) {
                return node.result().ectsCredits();
            }
            BigDecimal sum = BigDecimal.ZERO;
            for (LearningOpportunity child : node.children()) {
                sum = sum.add(credits(child));
            }
            return sum;
        }

        private static boolean isDegree(LearningOpportunity node) {
            return node.type() != null && DEGREE_TYPE.equalsIgnoreCase(node.type().strip());
        }

        private static String fullName(Learner learner) {
            List<String> parts = new ArrayList<>();
            if (!isBlank(learner.givenNames())) {
                parts.add(learner.givenNames().strip());
            }
            if (!isBlank(learner.familyName())) {
                parts.add(learner.familyName().strip());
            }
            return String.join(" ", parts);
        }

        /** A result's grade as the reader reads it (a word of their language for passed, failed, exempt). */
        private String grade(ResultInstance result) {
            return Formats.grade(result.grade(), result.gradingSchemeId(), locale);
        }

        private static String orDash(String value) {
            return isBlank(value) ? DASH : value;
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
