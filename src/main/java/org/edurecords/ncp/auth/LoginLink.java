package org.edurecords.ncp.auth;

import io.quarkus.qute.TemplateData;

/** A login button on a page: the name people know the login by and where it starts. */
@TemplateData // read in tags, which are not type-checked: generated accessors, not reflection
public record LoginLink(String id, String label, String href) {
}
