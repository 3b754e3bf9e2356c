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
 * @param schac null for an issuer outside higher education (a school, a county), which has no SCHAC code
 * @param identifiers further identifiers of the issuer (e.g. its organisation number), in the issuer's own types
 * @param name the name in every language the directory has
 */
public record Institution(long id, String schac, String erasmus, String country, LocalizedText name,
        String url, String pic, List<Identifier> identifiers) {

    public Institution {
        name = name == null ? LocalizedText.EMPTY : name;
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }

    public Institution(long id, String schac, String erasmus, String country, LocalizedText name, String url,
            String pic) {
        this(id, schac, erasmus, country, name, url, pic, List.of());
    }

    public Institution(long id, String schac, String erasmus, String country, LocalizedText name, String url) {
        this(id, schac, erasmus, country, name, url, null);
    }

    public String name(Locale locale) {
        return name.in(locale);
    }

    public List<LangText> names() {
        return name.all();
    }
}
