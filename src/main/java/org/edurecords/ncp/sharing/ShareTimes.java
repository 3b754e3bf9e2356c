package org.edurecords.ncp.sharing;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.edurecords.ncp.results.LocalizedText;

/** Times on the sharing pages, in the configured time zone, as a reader of the page's language writes them. */
final class ShareTimes {

    private static final DateTimeFormatter NORWEGIAN = DateTimeFormatter.ofPattern("dd.MM.yyyy 'kl.' HH:mm (z)",
            Locale.forLanguageTag("nb"));
    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (z)", Locale.ENGLISH);

    private ShareTimes() {
    }

    static String format(Instant instant, ZoneId zone, Locale locale) {
        if (instant == null) {
            return "";
        }
        return (LocalizedText.isNorwegian(locale) ? NORWEGIAN : ENGLISH).format(instant.atZone(zone));
    }
}
