package org.edurecords.ncp.web;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.config.NcpConfig;

/**
 * The pages every visitor may need besides the service itself: help and questions, the privacy statement (with
 * the retention periods as configured), the accessibility statement, the operator's contact, and the integration
 * guide for receivers. All linked from the footer of every page.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class InfoResource {

    /** Where the guide travels in the application (pom.xml copies docs/integration.md there). */
    static final String GUIDE = "guide/integration.md";

    /** Who answers, in the page's language. Every field but the name may be null. */
    public record Contact(String name, String email, String phone, String url) {
    }

    /**
     * The retention periods the privacy statement states, as the configuration sets them, in words of the page's
     * language ({@code ledgerDays}: the ledger's retention in whole days, as the page shows it).
     */
    public record Retention(String ledger, long ledgerDays, String flowExpiry, String flowRetention,
            String portalIdle, String portalAbsolute, String linkMaxValidity, String snapshotRetention,
            String attemptWindow, String grantDuration) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance help(String entryUrl, String publicUrl, Contact contact);

        static native TemplateInstance privacy(Retention retention, Contact contact);

        static native TemplateInstance accessibility(Contact contact);

        static native TemplateInstance contact(Contact contact);
    }

    @Inject
    NcpConfig config;

    @Inject
    PublicUrl publicUrl;

    @Inject
    PageContext page;

    @GET
    @Path("help")
    public Response help() {
        return page.html(Templates.help(publicUrl.base() + "/emrex", publicUrl.base(), contact()), 200);
    }

    @GET
    @Path("privacy")
    public Response privacy() {
        return page.html(Templates.privacy(retention(), contact()), 200);
    }

    @GET
    @Path("accessibility")
    public Response accessibility() {
        return page.html(Templates.accessibility(contact()), 200);
    }

    @GET
    @Path("contact")
    public Response contactPage() {
        return page.html(Templates.contact(contact()), 200);
    }

    /** The integration guide for receivers, as written (Markdown is plain text to read). */
    @GET
    @Path("integration-guide")
    @Produces("text/plain;charset=UTF-8")
    public Response integrationGuide() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(GUIDE)) {
            if (in == null) {
                throw new jakarta.ws.rs.NotFoundException();
            }
            return Response.ok(in.readAllBytes(), MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8")).build();
        }
    }

    Contact contact() {
        NcpConfig.Contact contact = config.contact();
        Map<String, String> names = contact.name();
        String name = names.getOrDefault(page.getLang(), names.getOrDefault("en", config.name()));
        return new Contact(name, contact.email().orElse(null), contact.phone().orElse(null),
                contact.url().orElse(null));
    }

    Retention retention() {
        Locale locale = page.locale();
        Duration ledger = config.ledger().retention();
        return new Retention(duration(ledger, locale), ledger.toDays(), duration(config.emrex().sessionExpiry(), locale),
                duration(config.operations().sessionRetention(), locale),
                duration(config.auth().session().idleTimeout(), locale),
                duration(config.auth().session().absoluteTimeout(), locale),
                duration(config.sharing().maxValidity(), locale),
                config.sharing().snapshotRetention().isZero() ? null
                        : duration(config.sharing().snapshotRetention(), locale),
                duration(config.sharing().attemptWindow(), locale),
                duration(config.sharing().grantDuration(), locale));
    }

    /**
     * A period in the largest whole unit of which it is at least two (so never "1 days": a day is 24 hours, an hour
     * 60 minutes).
     */
    static String duration(Duration duration, Locale locale) {
        MoreMessages text = Texts.more(locale);
        long seconds = duration.getSeconds();
        if (seconds >= 2 * 86_400 && seconds % 86_400 == 0) {
            return text.duration_days(String.valueOf(seconds / 86_400));
        }
        if (seconds >= 2 * 3_600 && seconds % 3_600 == 0) {
            return text.duration_hours(String.valueOf(seconds / 3_600));
        }
        if (seconds >= 2 * 60 && seconds % 60 == 0) {
            return text.duration_minutes(String.valueOf(seconds / 60));
        }
        return text.duration_seconds(String.valueOf(seconds));
    }
}
