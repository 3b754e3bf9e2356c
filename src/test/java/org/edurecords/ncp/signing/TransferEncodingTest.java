package org.edurecords.ncp.signing;

import org.edurecords.ncp.support.MinimalElmo;
import org.edurecords.ncp.support.SharedConformance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

class TransferEncodingTest {

    @Test
    void roundTripKeepsTheExactBytes() throws Exception {
        String encoded = TransferEncoding.encode(MinimalElmo.bytes());

        assertArrayEquals(MinimalElmo.bytes(), TransferEncoding.decode(encoded, MinimalElmo.bytes().length));
    }

    @Test
    void encodesAsSingleLineStandardBase64OfGzip() {
        String encoded = TransferEncoding.encode(MinimalElmo.bytes());

        assertTrue(encoded.matches("[A-Za-z0-9+/]+={0,2}"), encoded);
        assertEquals(0, encoded.length() % 4, "padded");
        byte[] gzip = Base64.getDecoder().decode(encoded);
        assertEquals(0x1f, gzip[0] & 0xff);
        assertEquals(0x8b, gzip[1] & 0xff);
    }

    @Test
    void rejectsLineBreaksAndWhitespace() {
        String encoded = TransferEncoding.encode(MinimalElmo.bytes());
        String mime = encoded.substring(0, 76) + "\r\n" + encoded.substring(76);
        String spaced = encoded.substring(0, 8) + " " + encoded.substring(8);
        String trailingNewline = encoded + "\n";

        assertEquals("Base64 value contains a line break at position 76; it must be a single line",
                failure(mime));
        assertTrue(failure(trailingNewline).contains("line break"));
        assertEquals("Base64 value contains whitespace at position 8", failure(spaced));
    }

    @Test
    void rejectsTheUrlSafeAlphabet() throws Exception {
        byte[] gzip = Base64.getDecoder().decode(TransferEncoding.encode(MinimalElmo.bytes()));
        String urlSafe = Base64.getUrlEncoder().encodeToString(gzip);
        assertTrue(urlSafe.contains("-") || urlSafe.contains("_"), "test input must use URL-safe characters");

        String message = failure(urlSafe);

        assertTrue(message.contains("URL-safe alphabet"), message);
        assertTrue(message.contains("standard alphabet"), message);
    }

    @Test
    void rejectsMissingPaddingAndIllegalCharacters() {
        String encoded = TransferEncoding.encode(MinimalElmo.bytes());
        String unpadded = encoded.replace("=", "");
        if (unpadded.length() == encoded.length()) {
            unpadded = encoded.substring(0, encoded.length() - 1);
        }

        assertTrue(failure(unpadded).contains("not a multiple of 4"), failure(unpadded));
        assertTrue(failure("QUJD%0A==").contains("illegal character (U+0025)"));
        assertTrue(failure("QU=D").startsWith("Invalid base64"), failure("QU=D"));
        assertEquals("Value is empty", failure(""));
        assertEquals("Value is empty", failure(null));
    }

    @Test
    void requiresGzip() throws Exception {
        String plainXml = Base64.getEncoder().encodeToString(MinimalElmo.bytes());
        ByteArrayOutputStream zlib = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(zlib, new Deflater())) {
            out.write(MinimalElmo.bytes());
        }

        assertTrue(failure(plainXml).contains("not a gzip stream"), failure(plainXml));
        assertTrue(failure(plainXml).contains("uncompressed XML"), failure(plainXml));
        assertTrue(failure(Base64.getEncoder().encodeToString(zlib.toByteArray())).contains("zlib"));
    }

    @Test
    void rejectsTruncatedGzip() {
        byte[] gzip = Base64.getDecoder().decode(TransferEncoding.encode(MinimalElmo.bytes()));
        byte[] truncated = Arrays.copyOf(gzip, gzip.length - 12);

        String message = failure(Base64.getEncoder().encodeToString(truncated));

        assertTrue(message.startsWith("Corrupt or truncated gzip stream"), message);
    }

    @Test
    void capsTheDecompressedSize() throws Exception {
        byte[] tenMegabytesOfZeros = new byte[10 * 1024 * 1024];
        String bomb = Base64.getEncoder().encodeToString(gzip(tenMegabytesOfZeros));
        assertTrue(bomb.length() < 20_000, "a bomb is small on the wire");

        TransferEncodingException e = assertThrows(TransferEncodingException.class,
                () -> TransferEncoding.decode(bomb, 1024 * 1024));

        assertEquals("Decompressed size exceeds the limit of 1048576 bytes", e.getMessage());
        assertEquals(tenMegabytesOfZeros.length, TransferEncoding.decode(bomb, tenMegabytesOfZeros.length).length,
                "exactly at the limit is fine");
    }

    @Test
    void decodesTheFinnishWireSample() throws Exception {
        Path examples = SharedConformance.elmoFolderOrSkip("the Finnish wire sample").resolve("examples");
        String wire = Files.readString(examples.resolve("fi-smp_elmo_vastaus_base64_gzipped.txt"), StandardCharsets.US_ASCII);

        byte[] xml = TransferEncoding.decode(wire, 1 << 20);

        assertArrayEquals(Files.readAllBytes(examples.resolve("fi-smp_elmo_vastaus.decoded.xml")), xml);
    }

    private static String failure(String value) {
        return assertThrows(TransferEncodingException.class, () -> TransferEncoding.decode(value, 1 << 20)).getMessage();
    }

    private static byte[] gzip(byte[] data) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
