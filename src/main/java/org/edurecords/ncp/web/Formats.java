package org.edurecords.ncp.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates and numbers as a reader of the chosen language expects them. */
public final class Formats {

    private static final DateTimeFormatter NORWEGIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter NORWEGIAN_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm (z)",
            Locale.forLanguageTag("nb"));
    private static final DateTimeFormatter ENGLISH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (z)", Locale.ENGLISH);

    private Formats() {
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
