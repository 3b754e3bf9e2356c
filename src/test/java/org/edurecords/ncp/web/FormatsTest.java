package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** Credits are written as DecimalFormat "0.##" writes them, in the conventions of each page language. */
class FormatsTest {

    @Test
    void creditsAreWrittenAsDecimalFormatWouldInEveryLanguage() {
        List<String> values = List.of("0", "0.00", "7.5", "7.50", "10", "180", "180.0", "2.25", "2.255", "2.245",
                "2.005", "0.001", "1234567.891", "60E1", "-3.5", "30.125");
        for (Locale locale : List.of(Locale.ENGLISH, Locale.forLanguageTag("nb"), Locale.forLanguageTag("nn"),
                Locale.forLanguageTag("se"))) {
            DecimalFormat oracle = new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(
                    Languages.norwegianConventions(locale) ? Locale.forLanguageTag("nb-NO") : Locale.ENGLISH));
            for (String value : values) {
                assertEquals(oracle.format(new BigDecimal(value)), Formats.credits(new BigDecimal(value), locale),
                        value + " in " + locale);
            }
        }
        assertEquals("7,5", Formats.credits(new BigDecimal("7.50"), Locale.forLanguageTag("nb")));
        assertEquals("", Formats.credits(null, Locale.ENGLISH));
    }

    @Test
    void gradesThatAreWordsAreWrittenInTheReadersLanguageAndOthersAsWritten() {
        Locale nb = Locale.forLanguageTag("nb");
        assertEquals("Bestått", Formats.grade("passed", "pass-fail", nb));
        assertEquals("Ikke bestått", Formats.grade("failed", "pass-fail", nb));
        assertEquals("Fritatt", Formats.grade("exempt", "1-6", nb));
        assertEquals("Exempt", Formats.grade("exempt", "pass-fail", Locale.ENGLISH));
        assertEquals("Luvvejuvvon", Formats.grade("exempt", "1-6", Locale.forLanguageTag("se")));
        assertEquals("5", Formats.grade("5", "1-6", nb));
        // Another institution's labels are its own, whatever they say.
        assertEquals("passed", Formats.grade("passed", "PF", nb));
        assertEquals("passed", Formats.grade("passed", "1-6", nb), "not a grade of the 1-6 scale: left as it is");
        assertEquals("B", Formats.grade("B", null, nb));
        assertEquals("", Formats.grade(null, "pass-fail", nb));
    }
}
