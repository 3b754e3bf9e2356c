package org.edurecords.ncp.results;

/**
 * A text in one language; {@link LocalizedText} holds all the languages of one text.
 *
 * @param language BCP 47 language code (e.g. {@code nn}, {@code se}, {@code de}); never a country code
 */
public record LangText(String language, String text) {
}
