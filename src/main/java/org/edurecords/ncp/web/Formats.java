package org.edurecords.ncp.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates, numbers and grades as a reader of the chosen language expects them. */
public final class Formats {

    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter NORWEGIAN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm (z)",
            Locale.forLanguageTag("nb"));
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (z)", Locale.ENGLISH);

    /** The grading schemes of upper-secondary school, whose labels passed, failed and exempt are words. */
    private static final java.util.Set<String> WORD_SCHEMES = java.util.Set.of("1-6", "pass-fail");

    private Formats() {
    }

    /**
     * The message key (bundle {@code comp}) of a grade that is a word rather than a grade of its scale: passed or
     * failed on the pass/fail scale, exempt on either scale of upper-secondary school (ADR 0873); null for any other
     * label, which is shown as its institution wrote it.
     */
    public static String gradeWordKey(String label, String scheme) {
        if (label == null || scheme == null || !WORD_SCHEMES.contains(scheme)) {
            return null;
        }
        String word = label.strip();
        boolean passFail = "pass-fail".equals(scheme) && ("passed".equals(word) || "failed".equals(word));
        return passFail || "exempt".equals(word) ? "comp_grade_" + word : null;
    }

    /** A result's grade as the reader reads it: a word of their language for {@link #gradeWordKey}, else as written. */
    public static String grade(String label, String scheme, Locale locale) {
        String key = gradeWordKey(label, scheme);
        String word = key == null ? null : TextBundle.of("comp", locale).find(key);
        return word != null ? word : label == null ? "" : label;
    }

    public static String date(LocalDate date, Locale locale) {
        if (date == null) {
            return "";
        }
        return Languages.norwegianConventions(locale) ? NORWEGIAN_DATE.format(date) : date.toString();
    }

    /** A moment as a reader sees it: local time of the service's zone, to the minute, with the zone's name. */
    public static String dateTime(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        return (Languages.norwegianConventions(locale) ? NORWEGIAN_TIME : ENGLISH_TIME).format(instant.atZone(zone));
    }

    /** Credits with the decimals that matter: 10, 7.5 (7,5 in Norwegian). */
    public static String credits(BigDecimal credits, Locale locale) {
        if (credits == null) {
            return "";
        }
        // As DecimalFormat "0.##" would write it (two decimals at most, half-even, no grouping), without making a
        // DecimalFormat for each of the many figures a page shows.
        BigDecimal rounded = credits.setScale(2, RoundingMode.HALF_EVEN).stripTrailingZeros();
        String plain = (rounded.scale() < 0 ? rounded.setScale(0) : rounded).toPlainString();
        return Languages.norwegianConventions(locale) ? plain.replace('.', ',').replace('-', '\u2212') : plain;
    }
}
