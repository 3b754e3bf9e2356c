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
        String language = locale == null ? "en" : locale.getLanguage();
        if (!"en".equals(language)) {
            try {
                return MessageBundles.get(Messages.class, Localized.Literal.of(language));
            } catch (RuntimeException e) {
                // No localized bundle for this language: the default one below.
            }
        }
        return MessageBundles.get(Messages.class);
    }

    /** The second bundle of a language ({@link MoreMessages}). */
    public static MoreMessages more(Locale locale) {
        String language = locale == null ? "en" : locale.getLanguage();
        if (!"en".equals(language)) {
            try {
                return MessageBundles.get(MoreMessages.class, Localized.Literal.of(language));
            } catch (RuntimeException e) {
                // No localized bundle for this language: the default one below.
            }
        }
        return MessageBundles.get(MoreMessages.class);
    }

    /**
     * The text of a message key without parameters, from {@link Messages} or else {@link MoreMessages}; the key
     * itself when neither has it.
     */
    public static String byKey(Locale locale, String key) {
        for (Object bundle : new Object[] {of(locale), more(locale)}) {
            try {
                return (String) bundle.getClass().getMethod(key).invoke(bundle);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // Not in this bundle: the next one.
            }
        }
        return key;
    }
}
