package org.edurecords.ncp.sharing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MultivaluedMap;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Every answer under a share link's path, pages, downloads and error pages alike, is neither stored by a
 * browser or proxy nor indexed by a search engine. The Referer is never sent (Referrer-Policy: no-referrer
 * for every page, see web.SecurityHeaders), so the link does not leak to sites the recipient follows.
 */
public class RecipientHeaders {

    @ServerResponseFilter
    public void noStoreNoIndex(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith(RecipientResource.PATH) || path.equals("/s")) {
            MultivaluedMap<String, Object> headers = response.getHeaders();
            headers.putSingle("Cache-Control", "no-store");
            headers.putSingle("Pragma", "no-cache");
            headers.putSingle("X-Robots-Tag", "noindex, nofollow");
        }
    }
}
