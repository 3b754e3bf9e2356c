package org.edurecords.ncp.democlient;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.PageContext;

/** The demo client's pages: start a transfer, and download a received PDF transcript. */
@Path("/demo-client")
public class DemoClientResource {

    /** Where the contact point redirects an EMREX 2.0 transfer back to (the registered redirect URI). */
    public static final String EMREX2_RETURN_PATH = "/demo-client/emrex2/return";

    @CheckedTemplate
    public static class Templates {
        static native TemplateInstance start(String sessionId, String entryUrl, String returnUrl,
                DemoClientEmrex2.Start emrex2);

        public static native TemplateInstance result(ReceivedAnswer answer);
    }

    @Inject
    NcpConfig config;

    @Inject
    DemoClientService client;

    @Inject
    DemoClientEmrex2 emrex2;

    @Inject
    PageContext page;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response start(@Context UriInfo uri) {
        requireEnabled();
        // The return URL is where this very page is served, so the demo works on any host and port.
        String returnUrl = uri.getBaseUri().resolve(DemoClientReturnRoute.PATH).toString();
        return Response.ok(Templates.start(client.newSessionId(), "/emrex", returnUrl, emrex2.start())
                .setLocale(page.locale())).header("Cache-Control", "no-store").build();
    }

    /** The EMREX 2.0 redirect back: the code (or error) and the state; the rest is fetched from here. */
    @GET
    @Path("emrex2/return")
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response emrex2Return(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error, @QueryParam("error_description") String errorDescription) {
        requireEnabled();
        ReceivedAnswer answer = emrex2.receive(code, state, error, errorDescription);
        return Response.ok(Templates.result(answer).setLocale(page.locale())).header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("transcript/{id}")
    @Produces("application/pdf")
    public Response transcript(@PathParam("id") String id) {
        requireEnabled();
        byte[] pdf = client.transcript(id);
        if (pdf == null) {
            throw new NotFoundException();
        }
        return Response.ok(pdf).header("Content-Disposition", "inline; filename=\"transcript.pdf\"")
                .header("Cache-Control", "no-store").build();
    }

    private void requireEnabled() {
        if (!config.demo().clientEnabled()) {
            throw new NotFoundException();
        }
    }
}
