package org.edurecords.ncp.web;

import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The message bundle outside a template, for texts that are not pages: e-mails, exports. A language without a
 * bundle of its own gets the English texts.
 */
public final class Texts {

    private Texts() {
    }

    /** The bundle of a language. */
    public static Messages of(Locale locale) {
        return bundle(Messages.class, locale);
    }

    /** The second bundle of a language ({@link MoreMessages}). */
    public static MoreMessages more(Locale locale) {
        return bundle(MoreMessages.class, locale);
    }

    private static <T> T bundle(Class<T> type, Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        if (!"en".equals(language)) {
            try {
                return MessageBundles.get(type, Localized.Literal.of(language));
            } catch (RuntimeException e) {
                // No localized bundle for this language: the default one below.
            }
        }
        return MessageBundles.get(type);
    }

    /**
     * The text of a message key without parameters, from {@code msg} or else {@code more}; the key itself when
     * neither has it. Read from the bundle files like every text outside a template ({@link TextBundle}).
     */
    public static String byKey(Locale locale, String key) {
        for (String bundle : new String[] {"msg", "more"}) {
            String text = TextBundle.of(bundle, locale).find(key);
            if (text != null) {
                return text;
            }
        }
        return key;
    }
}
