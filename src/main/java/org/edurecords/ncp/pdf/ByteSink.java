package org.edurecords.ncp.pdf;

import java.io.OutputStream;
import java.util.Arrays;

/**
 * An in-memory output stream without the locking of {@link java.io.ByteArrayOutputStream}: PDFBox writes a
 * document byte by byte for much of it, and each of those writes would otherwise take a lock.
 */
final class ByteSink extends OutputStream {

    private byte[] buffer;
    private int length;

    ByteSink(int initialSize) {
        buffer = new byte[initialSize];
    }

    @Override
    public void write(int b) {
        if (length == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        buffer[length++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
        System.arraycopy(bytes, offset, buffer, length, count);
        length += count;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }
}
