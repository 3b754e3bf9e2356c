package org.edurecords.ncp.results;

import java.util.Locale;

/**
 * Whether the results of one institution could be read in full, and if not, why.
 *
 * @param schac the institution's SCHAC code
 */
public record Completeness(String schac, LocalizedText name, Status status) {

    /** The value written on the wire (ELMO extension) and the suffix of the message key on the page. */
    public enum Status {
        COMPLETE("complete"),
        TIMED_OUT("timed-out"),
        UNAVAILABLE("unavailable"),
        INVALID_DATA("invalid-data");

        private final String wireValue;

        Status(String wireValue) {
            this.wireValue = wireValue;
        }

        public String wireValue() {
            return wireValue;
        }
    }

    public String name(Locale locale) {
        return name == null ? schac : name.in(locale);
    }

    public boolean complete() {
        return status == Status.COMPLETE;
    }

    /** Message key of the localized reason, e.g. {@code source_reason_timed_out}. */
    public String reasonKey() {
        return "source_reason_" + status.name().toLowerCase(Locale.ROOT);
    }
}
