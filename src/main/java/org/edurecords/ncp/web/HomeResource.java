package org.edurecords.ncp.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.config.NcpConfig;

/** The start page: what the service is, where clients post, and the demo client when it is on. */
@Path("/")
public class HomeResource {

    @Inject
    org.edurecords.ncp.web.PublicUrl publicUrl;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(String entryUrl, boolean demoClient);
    }

    @Inject
    NcpConfig config;

    @Inject
    PageContext page;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public TemplateInstance index() {
        return Templates.index(publicUrl.base() + "/emrex", config.demo().clientEnabled()).setLocale(page.locale());
    }
}
