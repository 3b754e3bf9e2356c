package org.edurecords.ncp.web;

import java.util.List;
import java.util.Locale;

/**
 * The languages the pages speak and how a request picks one: an explicit {@code lang} parameter,
 * then the language cookie, then the browser's Accept-Language, then English.
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale BOKMAL = Locale.forLanguageTag("nb");
    public static final String COOKIE = "ncp-lang";
    public static final String PARAMETER = "lang";

    private Languages() {
    }

    /** The supported locale for a language tag, or null when it is not one we speak. */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        String lang = Locale.forLanguageTag(tag.trim()).getLanguage();
        return switch (lang) {
            case "en" -> ENGLISH;
            case "nb", "no", "nn" -> BOKMAL;
            default -> null;
        };
    }

    public static Locale resolve(String parameter, String cookie, String acceptLanguage) {
        Locale chosen = supported(parameter);
        if (chosen == null) {
            chosen = supported(cookie);
        }
        if (chosen == null && acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    chosen = supported(range.getRange());
                    if (chosen != null) {
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is not the user's fault; fall back to the default.
                chosen = null;
            }
        }
        return chosen == null ? ENGLISH : chosen;
    }

    public static List<Locale> all() {
        return List.of(ENGLISH, BOKMAL);
    }
}
