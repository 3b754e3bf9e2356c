package org.edurecords.ncp.emrex;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import io.vertx.core.buffer.Buffer;

/**
 * Whether an {@code application/x-www-form-urlencoded} body is what it claims to be: every {@code %} starts an
 * escape of two hex digits, and every name and value is UTF-8. The entry returns {@code sessionId} byte for
 * byte, so a value that was changed in decoding must be refused, not passed on.
 */
final class FormBodies {

    private FormBodies() {
    }

    /** True for other media types and for forms declared in another charset, whose bytes are not checked here. */
    static boolean wellFormed(String contentType, Buffer body) {
        if (contentType == null || body == null || body.length() == 0) {
            return true;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            return true;
        }
        boolean utf8 = !type.contains("charset=") || type.contains("charset=utf-8") || type.contains("charset=\"utf-8\"");
        byte[] bytes = body.getBytes();
        ByteArrayOutputStream part = new ByteArrayOutputStream();
        for (int i = 0; i <= bytes.length; i++) {
            int b = i == bytes.length ? '&' : bytes[i] & 0xff;
            if (b == '&' || b == '=') {
                if (utf8 && !isUtf8(part.toByteArray())) {
                    return false;
                }
                part.reset();
            } else if (b == '%') {
                if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
                    return false;
                }
                part.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                part.write(b);
            }
        }
        return true;
    }

    private static int hex(byte b) {
        return Character.digit(b, 16);
    }

    private static boolean isUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
