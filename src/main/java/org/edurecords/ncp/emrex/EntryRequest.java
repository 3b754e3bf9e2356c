package org.edurecords.ncp.emrex;

import java.net.URI;

/** A validated EMREX request: the client's session id and where to post the answer. */
public record EntryRequest(String sessionId, URI returnUrl) {
}
