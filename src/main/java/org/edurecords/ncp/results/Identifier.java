package org.edurecords.ncp.results;

/** An identifier of a result as the source knows it, e.g. a diploma number. */
public record Identifier(String type, String value) {
}
