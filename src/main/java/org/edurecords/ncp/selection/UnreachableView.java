package org.edurecords.ncp.selection;

import io.quarkus.qute.TemplateData;

/**
 * An institution whose results could not be read, as the selection page names it.
 *
 * @param reasonKey message key of the localized reason (timed out, unavailable, invalid data)
 */
@TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
public record UnreachableView(String name, String reasonKey) {
}
