package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Request text in log lines: one line, visible characters, bounded length. */
class LogSafeTest {

    @Test
    void lineBreaksAndControlCharactersAreEscaped() {
        assertEquals("a\\r\\n2026-01-01 ERROR forged", LogSafe.of("a\r\n2026-01-01 ERROR forged"));
        assertEquals("tab\\there\\u0000\\u001b[31m", LogSafe.of("tab\there\u0000\u001b[31m"));
        assertEquals("\\u2028\\u2029\\u0085", LogSafe.of("\u2028\u2029\u0085"));
    }

    @Test
    void invisibleFormattingCannotReorderTheLine() {
        assertEquals("user\\u202egnp.exe", LogSafe.of("user\u202egnp.exe"));
        assertEquals("zero\\u200bwidth", LogSafe.of("zero\u200bwidth"));
        assertEquals("lone\\ud800", LogSafe.of("lone\ud800"));
    }

    @Test
    void aBackslashOfTheInputCannotPassForAnEscape() {
        assertEquals("not\\\\na break", LogSafe.of("not\\na break"));
    }

    @Test
    void ordinaryTextIsKept() {
        assertEquals("Sørbø-Łukasiewicz 日本 😀 /emrex/flow/x", LogSafe.of("Sørbø-Łukasiewicz 日本 😀 /emrex/flow/x"));
        assertEquals("null", LogSafe.of(null));
        assertEquals("42", LogSafe.of(42));
    }

    @Test
    void longTextIsCut() {
        String logged = LogSafe.of("x".repeat(10_000));
        assertTrue(logged.startsWith("x".repeat(LogSafe.MAX_CHARACTERS) + "...("), logged);
        assertTrue(logged.endsWith("(9800 more)"), logged);
        assertEquals("x".repeat(LogSafe.MAX_CHARACTERS), LogSafe.of("x".repeat(LogSafe.MAX_CHARACTERS)));
    }
}
