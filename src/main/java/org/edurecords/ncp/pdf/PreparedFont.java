package org.edurecords.ncp.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.BitSet;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A Unicode TrueType font made ready once for every transcript.
 *
 * <p>Parsing the shipped DejaVu font (6,000 glyphs, 700 kB) and subsetting it took longer than everything
 * else a transcript needs. So at first use the font is cut down to the scripts transcripts are written in
 * (Latin with all European extensions, Greek, Cyrillic, punctuation, currency signs), and parsed copies of
 * that small font are pooled: a document borrows one, PDFBox embeds just the glyphs the document uses (as
 * before: a true per-document subset, so the PDF stays small), and the copy goes back to the pool. A parsed
 * font is not safe for concurrent use, hence one copy per concurrent render rather than one shared copy.
 *
 * <p>A document with a character outside that repertoire (e.g. a Georgian or CJK name) borrows a parsed copy
 * of the whole font instead; slower, but nothing is lost.
 */
final class PreparedFont {

    /** Code point ranges of the prepared repertoire, inclusive. */
    private static final int[][] REPERTOIRE = {
        {0x0020, 0x007E}, // Basic Latin
        {0x00A0, 0x024F}, // Latin-1 Supplement, Latin Extended-A and -B
        {0x0370, 0x03FF}, // Greek
        {0x0400, 0x04FF}, // Cyrillic
        {0x1E00, 0x1EFF}, // Latin Extended Additional (Vietnamese, Welsh, ...)
        {0x2000, 0x206F}, // General Punctuation: dashes, quotes, bullet, ellipsis
        {0x20A0, 0x20CF}, // Currency symbols
        {0x2100, 0x214F}, // Letterlike symbols
    };

    private static final List<String> KEPT_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
            "hmtx", "fpgm", "gasp", "name", "OS/2", "post", "cmap");

    private final String resource;
    private final byte[] fullFont;
    private final byte[] preparedFont;
    private final BitSet prepared = new BitSet();
    private final Queue<TrueTypeFont> preparedPool = new ConcurrentLinkedQueue<>();
    private final Queue<TrueTypeFont> fullPool = new ConcurrentLinkedQueue<>();

    private PreparedFont(String resource, byte[] fullFont) throws IOException {
        this.resource = resource;
        this.fullFont = fullFont;
        try (TrueTypeFont full = parse(fullFont)) {
            var cmap = full.getUnicodeCmapLookup();
            // Only tables whose glyph ids the subsetter rewrites: GSUB, GPOS and kern would keep pointing at the
            // glyph ids of the whole font (a ligature would then name a glyph the small font does not have).
            TTFSubsetter subsetter = new TTFSubsetter(full, KEPT_TABLES);
            for (int[] range : REPERTOIRE) {
                for (int codePoint = range[0]; codePoint <= range[1]; codePoint++) {
                    if (cmap.getGlyphId(codePoint) > 0) {
                        subsetter.add(codePoint);
                        prepared.set(codePoint);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
            subsetter.writeToStream(out);
            this.preparedFont = out.toByteArray();
        }
    }

    static PreparedFont load(String resource) {
        try (InputStream in = PreparedFont.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return new PreparedFont(resource, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare the font " + resource, e);
        }
    }

    /** Whether the prepared (small) font has a glyph for every character of the text. */
    boolean covers(CharSequence text) {
        return text.codePoints().allMatch(c -> prepared.get(c) || Character.isWhitespace(c)
                || Character.isISOControl(c) || Character.getType(c) == Character.FORMAT);
    }

    /** A font borrowed for one document; {@link #close()} gives it back once the document is saved. */
    final class Lease implements AutoCloseable {
        private final TrueTypeFont font;
        private final boolean full;

        private Lease(boolean full) throws IOException {
            this.full = full;
            TrueTypeFont pooled = (full ? fullPool : preparedPool).poll();
            this.font = pooled != null ? pooled : parse(full ? fullFont : preparedFont);
        }

        /** Embeds the glyphs the document will use (subset written when the document is saved). */
        PDType0Font embedIn(PDDocument document) throws IOException {
            return PDType0Font.load(document, font, true);
        }

        @Override
        public void close() {
            (full ? fullPool : preparedPool).offer(font);
        }
    }

    Lease borrow(boolean needsFullFont) {
        try {
            return new Lease(needsFullFont);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not parse the font " + resource, e);
        }
    }

    int preparedSize() {
        return preparedFont.length;
    }

    private static TrueTypeFont parse(byte[] bytes) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
        // Read the tables every document needs now, so that later documents only look them up.
        font.getUnicodeCmapLookup();
        font.getHorizontalMetrics();
        font.getHeader();
        return font;
    }
}
