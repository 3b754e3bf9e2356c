package org.edurecords.ncp.results;

/**
 * A text in one language beyond the English and Norwegian bokmål variants every record carries.
 *
 * @param language BCP 47 language code (e.g. {@code nn}, {@code de}); never a country code
 */
public record LangText(String language, String text) {
}
