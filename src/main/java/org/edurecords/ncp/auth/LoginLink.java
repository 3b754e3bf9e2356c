package org.edurecords.ncp.auth;

/** A login button on a page: the name people know the login by and where it starts. */
public record LoginLink(String id, String label, String href) {
}
