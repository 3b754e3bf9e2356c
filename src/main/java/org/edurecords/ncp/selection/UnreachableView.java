package org.edurecords.ncp.selection;

/**
 * An institution whose results could not be read, as the selection page names it.
 *
 * @param reasonKey message key of the localized reason (timed out, unavailable, invalid data)
 */
public record UnreachableView(String name, String reasonKey) {
}
