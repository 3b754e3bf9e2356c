package org.edurecords.ncp.signing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The EMREX transfer encoding of the {@code elmo} form field: base64(gzip(signed XML bytes)).
 * <p>
 * Encoding produces what every known client decodes: an RFC 1952 gzip stream (not zlib, not raw deflate),
 * then RFC 4648 standard base64 on one line with {@code =} padding. Decoding is strict and bounded, because
 * the input comes from a browser form.
 */
public final class TransferEncoding {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;

    private TransferEncoding() {
    }

    /** gzip, then single-line standard base64 of the exact bytes that were signed. */
    public static String encode(byte[] signedXml) {
        Objects.requireNonNull(signedXml, "signedXml");
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(Math.max(64, signedXml.length / 2));
        try (GZIPOutputStream gzip = new GZIPOutputStream(buffer)) {
            gzip.write(signedXml);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip into memory failed", e);
        }
        return Base64.getEncoder().encodeToString(buffer.toByteArray());
    }

    /**
     * Reverses {@link #encode}: strict base64 (standard alphabet, padding, no whitespace), gzip required,
     * decompressed size capped at {@code maxDecompressedBytes} against gzip bombs.
     */
    public static byte[] decode(String value, long maxDecompressedBytes) throws TransferEncodingException {
        return gunzip(strictBase64(value), maxDecompressedBytes);
    }

    /**
     * The gzip half of {@link #decode}: requires the gzip magic bytes and caps the decompressed size, so a
     * verifier can report the base64 and the gzip step separately.
     */
    public static byte[] gunzip(byte[] gzipped, long maxDecompressedBytes) throws TransferEncodingException {
        if (maxDecompressedBytes <= 0) {
            throw new IllegalArgumentException("maxDecompressedBytes must be positive");
        }
        if (gzipped.length < 2 || (gzipped[0] & 0xff) != GZIP_MAGIC_1 || (gzipped[1] & 0xff) != GZIP_MAGIC_2) {
            String hint = gzipped.length > 0 && (gzipped[0] & 0xff) == 0x78
                    ? " (it looks like a zlib stream)" : gzipped.length > 0 && (gzipped[0] & 0xff) == '<'
                            ? " (it looks like uncompressed XML)" : "";
            throw new TransferEncodingException("Decoded value is not a gzip stream: magic bytes 1f 8b missing" + hint);
        }
        return gunzipCapped(gzipped, maxDecompressedBytes);
    }

    /** The base64 half of {@link #decode}: standard alphabet, padding, one line. */
    public static byte[] strictBase64(String value) throws TransferEncodingException {
        if (value == null || value.isEmpty()) {
            throw new TransferEncodingException("Value is empty");
        }
        // Check the alphabet ourselves first, so that the message can tell what is wrong and where.
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean standard = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
                    || c == '+' || c == '/' || c == '=';
            if (standard) {
                continue;
            }
            if (c == '\r' || c == '\n') {
                throw new TransferEncodingException("Base64 value contains a line break at position " + i
                        + "; it must be a single line");
            }
            if (Character.isWhitespace(c)) {
                throw new TransferEncodingException("Base64 value contains whitespace at position " + i);
            }
            if (c == '-' || c == '_') {
                throw new TransferEncodingException("Base64 value uses the URL-safe alphabet ('" + c
                        + "' at position " + i + "); the standard alphabet with '+' and '/' is required");
            }
            throw new TransferEncodingException("Base64 value contains an illegal character (U+"
                    + String.format("%04X", (int) c) + ") at position " + i);
        }
        if (value.length() % 4 != 0) {
            throw new TransferEncodingException("Base64 value length " + value.length()
                    + " is not a multiple of 4 ('=' padding missing or value truncated)");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new TransferEncodingException("Invalid base64: " + e.getMessage(), e);
        }
    }

    private static byte[] gunzipCapped(byte[] gzipped, long max) throws TransferEncodingException {
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(max, 4L * gzipped.length + 1024));
        byte[] buffer = new byte[8192];
        long total = 0;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), buffer.length)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > max) {
                    throw new TransferEncodingException("Decompressed size exceeds the limit of " + max + " bytes");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            throw new TransferEncodingException("Corrupt or truncated gzip stream: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
