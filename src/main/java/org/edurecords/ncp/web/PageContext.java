package org.edurecords.ncp.web;

import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

/**
 * Per-request facts every page layout needs: the language and the link that switches it.
 * Available in templates as {@code inject:page}.
 */
@RequestScoped
@Named("page")
public class PageContext {

    private Locale locale = Languages.ENGLISH;
    private String path;

    public Locale locale() {
        return locale;
    }

    /** A page in this request's language, as HTML that no cache keeps (pages show personal data). */
    public Response html(TemplateInstance template, int status) {
        return Response.status(status).entity(template.setLocale(locale).render())
                .header("Cache-Control", "no-store")
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    public void set(Locale locale, String path) {
        this.locale = locale;
        this.path = path;
    }

    public String getLang() {
        return locale.getLanguage();
    }

    public boolean isNorwegian() {
        return Languages.BOKMAL.getLanguage().equals(locale.getLanguage());
    }

    /**
     * The current page in the other language; a GET of the same path shows the flow's current step.
     * Null on pages that only exist as the answer to a POST.
     */
    public String getSwitchUrl() {
        if (path == null) {
            return null;
        }
        return path + "?" + Languages.PARAMETER + "=" + (isNorwegian() ? "en" : "nb");
    }
}
