package org.edurecords.ncp.results;

import java.util.List;
import java.util.Locale;

/**
 * A grading scale used by an institution, e.g. the Norwegian A-F scale.
 *
 * @param localId the identifier results refer to, unique within the institution
 * @param description the description in every language the source gave
 */
public record GradingScheme(String localId, LocalizedText description) {

    public GradingScheme {
        description = description == null ? LocalizedText.EMPTY : description;
    }

    public String description(Locale locale) {
        return description.in(locale);
    }

    public List<LangText> descriptions() {
        return description.all();
    }
}
