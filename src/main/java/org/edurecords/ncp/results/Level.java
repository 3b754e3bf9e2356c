package org.edurecords.ncp.results;

/**
 * A level of a learning opportunity in some framework.
 *
 * @param type e.g. {@code EQF} or {@code NQF-NO} (the Norwegian qualifications framework)
 * @param value e.g. {@code 6}
 */
public record Level(String type, String value, LocalizedText description) {
}
