package org.edurecords.ncp.web;

/**
 * Text from a request (a path, a header, a field, a parser's message about the body) as it may go into a log
 * line: line breaks and other control or invisible formatting characters are written as escapes, so the text
 * cannot start a forged line or hide part of one, and it is cut at {@value #MAX_CHARACTERS} characters, so a
 * request cannot make one line arbitrarily long.
 */
public final class LogSafe {

    static final int MAX_CHARACTERS = 200;

    private LogSafe() {
    }

    public static String of(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_CHARACTERS) + 16);
        int i = 0;
        int kept = 0;
        while (i < text.length() && kept < MAX_CHARACTERS) {
            int c = text.codePointAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                // A backslash of the input is doubled, so that an escape in the log always comes from here.
                case '\\' -> out.append("\\\\");
                default -> {
                    if (hidden(c)) {
                        out.append(String.format("\\u%04x", c));
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
            i += Character.charCount(c);
            kept++;
        }
        if (i < text.length()) {
            out.append("...(").append(text.codePointCount(i, text.length())).append(" more)");
        }
        return out.toString();
    }

    /** Control characters, line and paragraph separators, bidirectional and other format characters, lone surrogates. */
    private static boolean hidden(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.FORMAT || type == Character.SURROGATE || type == Character.UNASSIGNED;
    }
}
