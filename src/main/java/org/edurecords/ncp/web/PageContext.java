package org.edurecords.ncp.web;

import java.util.ArrayList;
import java.util.List;
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

    private Locale locale = Languages.fallback();
    private String path;
    private boolean chosen;

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

    /** Whether the person chose the language (menu or remembered choice), rather than their browser's setting. */
    public boolean chosen() {
        return chosen;
    }

    void chosen(boolean chosen) {
        this.chosen = chosen;
    }

    public String getLang() {
        return locale.getLanguage();
    }

    /**
     * The language menu: every configured language, named in itself, linking to the current page in that
     * language (a GET of the same path shows the flow's current step). Empty on pages that only exist as the
     * answer to a POST: there the menu would lose what was posted.
     */
    public List<LanguageChoice> getLanguages() {
        if (path == null) {
            return List.of();
        }
        return choices(tag -> path + "?" + Languages.PARAMETER + "=" + tag);
    }

    /** Every configured language named in itself, for choices such as a share link's recipient language. */
    public List<LanguageChoice> getLanguageOptions() {
        return choices(tag -> null);
    }

    private List<LanguageChoice> choices(java.util.function.Function<String, String> url) {
        List<LanguageChoice> choices = new ArrayList<>();
        for (Locale language : Languages.all()) {
            String tag = language.getLanguage();
            choices.add(new LanguageChoice(tag, TextBundle.of(language).get("language_name"), url.apply(tag),
                    tag.equals(locale.getLanguage())));
        }
        return choices;
    }

    /** One entry of the language menu. */
    public record LanguageChoice(String tag, String name, String url, boolean current) {
    }
}
