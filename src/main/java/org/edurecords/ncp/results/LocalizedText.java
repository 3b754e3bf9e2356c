package org.edurecords.ncp.results;

import java.util.Locale;

/** Chooses between the English and the Norwegian bokmål variant of a text. */
public final class LocalizedText {

    private LocalizedText() {
    }

    public static boolean isNorwegian(Locale locale) {
        if (locale == null) {
            return false;
        }
        String lang = locale.getLanguage();
        return "nb".equals(lang) || "no".equals(lang) || "nn".equals(lang);
    }

    /** The variant for the locale, falling back to the other one when it is missing. */
    public static String pick(Locale locale, String english, String norwegian) {
        if (isNorwegian(locale)) {
            return norwegian != null && !norwegian.isBlank() ? norwegian : english;
        }
        return english != null && !english.isBlank() ? english : norwegian;
    }
}
