package org.edurecords.ncp.results;

import java.util.List;
import java.util.Locale;

/**
 * A grading scale used by an institution, e.g. the Norwegian A-F scale.
 *
 * @param localId the identifier results refer to, unique within the institution
 * @param otherDescriptions descriptions in languages beyond English and Norwegian bokmål
 */
public record GradingScheme(String localId, String descriptionEn, String descriptionNb,
        List<LangText> otherDescriptions) {

    public GradingScheme {
        otherDescriptions = otherDescriptions == null ? List.of() : List.copyOf(otherDescriptions);
    }

    public GradingScheme(String localId, String descriptionEn, String descriptionNb) {
        this(localId, descriptionEn, descriptionNb, List.of());
    }

    public String description(Locale locale) {
        return LocalizedText.pick(locale, descriptionEn, descriptionNb);
    }

    public List<LangText> descriptions() {
        return LocalizedText.all(descriptionEn, descriptionNb, otherDescriptions);
    }
}
