package org.edurecords.ncp.results;

import java.util.List;
import java.util.Locale;

/**
 * An issuing institution as the institution directory knows it.
 *
 * @param schac SCHAC home organisation, e.g. {@code uio.no}
 * @param erasmus Erasmus code, or null
 * @param country ISO 3166-1 alpha-2 code, or null for international institutions
 * @param pic the EU Participant Identification Code, or null
 * @param otherNames names in languages beyond English and Norwegian bokmål
 */
public record Institution(long id, String schac, String erasmus, String country, String nameEn, String nameNb,
        String url, String pic, List<LangText> otherNames) {

    public Institution {
        otherNames = otherNames == null ? List.of() : List.copyOf(otherNames);
    }

    public Institution(long id, String schac, String erasmus, String country, String nameEn, String nameNb, String url) {
        this(id, schac, erasmus, country, nameEn, nameNb, url, null, List.of());
    }

    public String name(Locale locale) {
        return LocalizedText.pick(locale, nameEn, nameNb);
    }

    public List<LangText> names() {
        return LocalizedText.all(nameEn, nameNb, otherNames);
    }
}
