package org.edurecords.ncp.results;

import java.util.ArrayList;
import java.util.List;
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

    /** English, Norwegian bokmål, then the other languages; blank texts and repeated languages left out. */
    public static List<LangText> all(String english, String norwegian, List<LangText> others) {
        List<LangText> all = new ArrayList<>();
        add(all, "en", english);
        add(all, "nb", norwegian);
        if (others != null) {
            for (LangText other : others) {
                add(all, other.language(), other.text());
            }
        }
        return all;
    }

    private static void add(List<LangText> all, String language, String text) {
        if (text == null || text.isBlank() || language == null || language.isBlank()) {
            return;
        }
        for (LangText present : all) {
            if (present.language().equalsIgnoreCase(language)) {
                return;
            }
        }
        all.add(new LangText(language, text));
    }
}
