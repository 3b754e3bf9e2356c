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
 * <p>Two repertoires are prepared: Latin (a few hundred glyphs, enough for most transcripts) and all European
 * scripts; a document borrows the smallest that covers its text. A document with a character outside both
 * (e.g. a Georgian or CJK name) borrows a parsed copy of the whole font instead; slower, but nothing is lost.
 */
final class PreparedFont {

    /**
     * Code point ranges of the prepared repertoires, inclusive, smallest first: a document borrows the smallest
     * that covers its text. The work PDFBox does per document grows with the glyph count of the font it gets
     * (width arrays, maps), so the usual Latin transcript gets a font of a few hundred glyphs.
     */
    private static final int[][][] REPERTOIRES = {
        { // Latin: Western and Central European languages, Sami, Baltic, Turkish
            {0x0020, 0x007E}, // Basic Latin
            {0x00A0, 0x017F}, // Latin-1 Supplement, Latin Extended-A
            {0x2000, 0x206F}, // General Punctuation: dashes, quotes, bullet, ellipsis
            {0x20A0, 0x20CF}, // Currency symbols
        },
        { // European scripts
            {0x0020, 0x007E}, // Basic Latin
            {0x00A0, 0x024F}, // Latin-1 Supplement, Latin Extended-A and -B
            {0x0370, 0x03FF}, // Greek
            {0x0400, 0x04FF}, // Cyrillic
            {0x1E00, 0x1EFF}, // Latin Extended Additional (Vietnamese, Welsh, ...)
            {0x2000, 0x206F}, // General Punctuation: dashes, quotes, bullet, ellipsis
            {0x20A0, 0x20CF}, // Currency symbols
            {0x2100, 0x214F}, // Letterlike symbols
        },
    };

    private static final List<String> KEPT_TABLES = List.of("head", "hhea", "loca", "maxp", "cvt ", "prep", "glyf",
            "hmtx", "fpgm", "gasp", "name", "OS/2", "post", "cmap");

    /** One repertoire cut from the font, or the whole font; parsed copies are pooled. */
    private record Tier(byte[] font, BitSet codePoints, Queue<TrueTypeFont> pool) {
        boolean covers(int codePoint) {
            return codePoints == null || codePoints.get(codePoint) || Character.isWhitespace(codePoint)
                    || Character.isISOControl(codePoint) || Character.getType(codePoint) == Character.FORMAT;
        }
    }

    private final String resource;
    /** The prepared repertoires, smallest first, then the whole font. */
    private final Tier[] tiers;

    private PreparedFont(String resource, byte[] fullFont) throws IOException {
        this.resource = resource;
        this.tiers = new Tier[REPERTOIRES.length + 1];
        try (TrueTypeFont full = parse(fullFont)) {
            var cmap = full.getUnicodeCmapLookup();
            for (int t = 0; t < REPERTOIRES.length; t++) {
                // Only tables whose glyph ids the subsetter rewrites: GSUB, GPOS and kern would keep pointing at
                // the glyph ids of the whole font (a ligature would then name a glyph the small font lacks).
                TTFSubsetter subsetter = new TTFSubsetter(full, KEPT_TABLES);
                BitSet codePoints = new BitSet();
                for (int[] range : REPERTOIRES[t]) {
                    for (int codePoint = range[0]; codePoint <= range[1]; codePoint++) {
                        if (cmap.getGlyphId(codePoint) > 0) {
                            subsetter.add(codePoint);
                            codePoints.set(codePoint);
                        }
                    }
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
                subsetter.writeToStream(out);
                tiers[t] = new Tier(out.toByteArray(), codePoints, new ConcurrentLinkedQueue<>());
            }
        }
        tiers[REPERTOIRES.length] = new Tier(fullFont, null, new ConcurrentLinkedQueue<>());
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

    /** Whether a prepared (small) font has a glyph for every character of the text. */
    boolean covers(CharSequence text) {
        return tierFor(text) < REPERTOIRES.length;
    }

    /** The smallest font that prints every character of the text: a prepared one, or else the whole font. */
    int tierFor(CharSequence text) {
        int tier = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            i += Character.charCount(codePoint);
            while (!tiers[tier].covers(codePoint)) {
                tier++;
            }
        }
        return tier;
    }

    /** A font borrowed for one document; {@link #close()} gives it back once the document is saved. */
    final class Lease implements AutoCloseable {
        private final TrueTypeFont font;
        private final Tier tier;

        private Lease(Tier tier) throws IOException {
            this.tier = tier;
            TrueTypeFont pooled = tier.pool().poll();
            this.font = pooled != null ? pooled : parse(tier.font());
        }

        /** Embeds the glyphs the document will use (subset written when the document is saved). */
        PDType0Font embedIn(PDDocument document) throws IOException {
            return PDType0Font.load(document, font, true);
        }

        @Override
        public void close() {
            tier.pool().offer(font);
        }
    }

    /** @param tier from {@link #tierFor}, so that every face of a document prints the same characters */
    Lease borrow(int tier) {
        try {
            return new Lease(tiers[Math.min(tier, tiers.length - 1)]);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not parse the font " + resource, e);
        }
    }

    /** Size of the largest prepared font. */
    int preparedSize() {
        return tiers[REPERTOIRES.length - 1].font().length;
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
