package org.edurecords.ncp.results;

import java.util.Locale;

/**
 * A grading scale used by an institution, e.g. the Norwegian A-F scale.
 *
 * @param localId the identifier results refer to, unique within the institution
 */
public record GradingScheme(String localId, String descriptionEn, String descriptionNb) {

    public String description(Locale locale) {
        return LocalizedText.pick(locale, descriptionEn, descriptionNb);
    }
}
