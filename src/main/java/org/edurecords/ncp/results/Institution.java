package org.edurecords.ncp.results;

import java.util.Locale;

/**
 * An issuing institution as the institution directory knows it.
 *
 * @param schac SCHAC home organisation, e.g. {@code uio.no}
 * @param erasmus Erasmus code, or null
 * @param country ISO 3166-1 alpha-2 code, or null for international institutions
 */
public record Institution(long id, String schac, String erasmus, String country, String nameEn, String nameNb,
        String url) {

    public String name(Locale locale) {
        return LocalizedText.pick(locale, nameEn, nameNb);
    }
}
