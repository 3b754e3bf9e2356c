package org.edurecords.ncp.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The languages the service speaks and how a request picks one: an explicit {@code lang} parameter, then the
 * language cookie, then the browser's Accept-Language, then the first configured language.
 *
 * <p>The languages are {@code quarkus.locales}, in menu order: the one value that, with a message bundle
 * {@code messages/msg_<tag>.properties}, adds a language (docs/translations.md). Each is named in itself in the
 * language menu (the bundle's {@code language_name}).
 */
public final class Languages {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale BOKMAL = Locale.forLanguageTag("nb");
    public static final String COOKIE = "ncp-lang";
    public static final String PARAMETER = "lang";

    /** Languages written with Norwegian conventions for dates and numbers (dd.MM.yyyy, decimal comma). */
    private static final List<String> NORWEGIAN_CONVENTIONS = List.of("nb", "nn", "no", "se");

    private Languages() {
    }

    private static final class Configured {
        static final List<Locale> ALL = read();

        private static List<Locale> read() {
            List<Locale> all = new ArrayList<>();
            String value = ConfigProvider.getConfig().getOptionalValue("quarkus.locales", String.class).orElse("en,nb");
            for (String tag : value.split(",")) {
                if (!tag.isBlank()) {
                    Locale locale = Locale.forLanguageTag(tag.trim());
                    if (!locale.getLanguage().isEmpty() && !all.contains(locale)) {
                        all.add(Locale.forLanguageTag(locale.getLanguage()));
                    }
                }
            }
            return all.isEmpty() ? List.of(ENGLISH) : List.copyOf(all);
        }
    }

    /** The configured languages, in menu order. */
    public static List<Locale> all() {
        return Configured.ALL;
    }

    /** The language when nothing in the request asks for one. */
    public static Locale fallback() {
        return all().contains(ENGLISH) ? ENGLISH : all().get(0);
    }

    /**
     * The supported locale for a language tag, or null when it is not one we speak. "no" (Norwegian without a
     * written standard) is served in bokmål.
     */
    public static Locale supported(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return null;
        }
        String lang = Locale.forLanguageTag(tag.trim()).getLanguage();
        if ("no".equals(lang)) {
            lang = "nb";
        }
        for (Locale locale : all()) {
            if (locale.getLanguage().equals(lang)) {
                return locale;
            }
        }
        return null;
    }

    public static Locale resolve(String parameter, String cookie, String acceptLanguage) {
        Locale chosen = supported(parameter);
        if (chosen == null) {
            chosen = supported(cookie);
        }
        if (chosen == null && acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    if (range.getWeight() > 0) {
                        chosen = supported(range.getRange());
                    }
                    if (chosen != null) {
                        break;
                    }
                }
            } catch (IllegalArgumentException e) {
                // A malformed header is not the user's fault; fall back to the default.
                chosen = null;
            }
        }
        return chosen == null ? fallback() : chosen;
    }

    /** Whether dates and numbers follow Norwegian conventions (dd.MM.yyyy, decimal comma) in this language. */
    public static boolean norwegianConventions(Locale locale) {
        return locale != null && NORWEGIAN_CONVENTIONS.contains(locale.getLanguage());
    }
}
