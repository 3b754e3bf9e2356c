package org.edurecords.ncp.sharing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import org.edurecords.ncp.competence.CompetenceViews;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.selection.InstitutionView;
import org.edurecords.ncp.selection.SelectionViews;
import org.edurecords.ncp.selection.UnreachableView;
import org.edurecords.ncp.web.ClientAddress;
import org.edurecords.ncp.web.Formats;
import org.edurecords.ncp.web.Languages;
import org.edurecords.ncp.web.PageContext;
import org.jboss.logging.Logger;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The recipient's side of a share link, without any login: the access code form, then the results in the
 * language the owner chose, with the signed ELMO and PDF to download. After the right code the browser holds
 * a grant cookie scoped to this link's path; only its hash is stored. Every answer under this path is
 * no-store and noindex ({@link RecipientHeaders}).
 */
@Path(RecipientResource.PATH + "{linkId}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class RecipientResource {

    @Inject
    org.edurecords.ncp.web.PublicUrl publicUrl;

    public static final String PATH = "/s/";
    static final String GRANT_COOKIE = "ncp-share";
    private static final Logger LOG = Logger.getLogger(RecipientResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance code(String linkId, boolean wrong, int attemptsLeft);

        static native TemplateInstance results(String linkId, Learner learner, String birthDate,
                List<InstitutionView> institutions, List<UnreachableView> missing, String created, String expires,
                String documentId, String ncpName, String publicUrl, String ownerName, String verifyUrl,
                boolean hasElmo, boolean hasPdf, List<CompetenceViews.KindGroup> credentials);

        static native TemplateInstance unavailable(String messageKey, String until);
    }

    @Inject
    ShareLinks links;

    @Inject
    SelectionViews views;

    @Inject
    PageContext page;

    @Inject
    NcpConfig config;

    @Inject
    java.time.Clock clock;

    @Inject
    CompetenceViews competenceViews;

    @GET
    public Response open(@PathParam("linkId") String linkId, @CookieParam(GRANT_COOKIE) String grant,
            @Context HttpServerRequest request) {
        Optional<ShareLinks.Opened> opened = links.opened(linkId, grant);
        if (opened.isPresent()) {
            return results(opened.get());
        }
        Optional<ShareLink> link = links.find(linkId);
        if (link.isEmpty()) {
            return unknown();
        }
        inLanguageOf(link.get());
        LinkStatus status = link.get().statusAt(clock.instant());
        if (status != LinkStatus.ACTIVE) {
            return unavailable(link.get(), status);
        }
        Optional<Instant> wait = links.waitUntil(link.get(), ClientAddress.network(request));
        if (wait.isPresent()) {
            return waitPage(wait.get());
        }
        return page(Templates.code(linkId, false, 0), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response enter(@PathParam("linkId") String linkId, @FormParam("code") String code,
            @Context HttpServerRequest request) {
        ShareLinks.Entry entry = links.enter(linkId, code, ClientAddress.network(request));
        if (entry.outcome() == ShareLinks.Outcome.UNKNOWN) {
            return unknown();
        }
        ShareLink link = entry.link();
        inLanguageOf(link);
        return switch (entry.outcome()) {
            case OPENED -> Response.seeOther(URI.create(PATH + linkId)).cookie(grantCookie(linkId, entry.grantToken()))
                    .build();
            case WRONG -> page(Templates.code(linkId, true, entry.attemptsLeft()), 422);
            case WAIT -> waitPage(entry.until());
            case LOCKED_NOW -> unavailable(link, LinkStatus.LOCKED);
            default -> unavailable(link, link.statusAt(clock.instant()));
        };
    }

    @GET
    @Path("elmo")
    @Produces(MediaType.WILDCARD)
    public Response elmo(@PathParam("linkId") String linkId, @CookieParam(GRANT_COOKIE) String grant) {
        return withGrant(linkId, grant, opened -> opened.snapshot().signedElmo == null ? noDocument(opened.link())
                : download(opened.snapshot().signedElmo.getBytes(StandardCharsets.UTF_8), "application/xml",
                        "elmo-" + opened.link().documentId + ".xml"));
    }

    /** The link's credentials in the JSON evidence format, as signed when the link was made (X-Signature). */
    @GET
    @Path("competence.json")
    @Produces(MediaType.WILDCARD)
    public Response competence(@PathParam("linkId") String linkId, @CookieParam(GRANT_COOKIE) String grant) {
        return withGrant(linkId, grant, opened -> opened.snapshot().competence == null ? noDocument(opened.link())
                : Response.fromResponse(download(opened.snapshot().competence.getBytes(StandardCharsets.UTF_8),
                        MediaType.APPLICATION_JSON, "competence-" + opened.link().documentId + ".json"))
                        .header("X-Signature", opened.snapshot().competenceSignature).build());
    }

    private Response noDocument(ShareLink link) {
        inLanguageOf(link);
        return page(Templates.unavailable("share_recipient_no_pdf", null), 404);
    }

    @GET
    @Path("pdf")
    @Produces(MediaType.WILDCARD)
    public Response pdf(@PathParam("linkId") String linkId, @CookieParam(GRANT_COOKIE) String grant) {
        return withGrant(linkId, grant, opened -> {
            if (!hasPdf(opened.snapshot())) {
                return noDocument(opened.link());
            }
            byte[] pdf = pdfOf(opened.snapshot());
            if (pdf == null) {
                LOG.errorf("Share link of document %s: no PDF transcript in the stored document", opened.link().documentId);
                inLanguageOf(opened.link());
                return page(Templates.unavailable("share_recipient_no_pdf", null), 404);
            }
            return download(pdf, "application/pdf", "transcript-" + opened.link().documentId + ".pdf");
        });
    }

    // ------------------------------------------------------------------------------------------

    private Response results(ShareLinks.Opened opened) {
        ShareLink link = opened.link();
        Locale locale = inLanguageOf(link);
        LearnerResults shown = links.payload(opened.snapshot()).results();
        Learner learner = shown.learner();
        return page(Templates.results(link.id, learner, Formats.date(learner.birthDate(), locale),
                views.previewPage(shown, locale), views.unreachable(shown.missing(), locale),
                Formats.dateTime(link.createdAt, config.timeZone(), locale),
                Formats.dateTime(link.expiresAt, config.timeZone(), locale), link.documentId, config.name(),
                publicUrl.base(), (nullToEmpty(learner.givenNames()) + " " + nullToEmpty(learner.familyName())).strip(),
                publicUrl.base() + "/verification", opened.snapshot().signedElmo != null, hasPdf(opened.snapshot()),
                links.evidence(opened.snapshot()).map(e -> competenceViews.shared(e, locale)).orElse(List.of())), 200);
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /** A download for a browser with a grant; without one, the link's own page says what applies (code, gone, ...). */
    private Response withGrant(String linkId, String grant, Function<ShareLinks.Opened, Response> download) {
        Optional<ShareLinks.Opened> opened = links.opened(linkId, grant);
        if (opened.isPresent()) {
            return download.apply(opened.get());
        }
        Optional<ShareLink> link = links.find(linkId);
        if (link.isEmpty()) {
            return unknown();
        }
        inLanguageOf(link.get());
        LinkStatus status = link.get().statusAt(clock.instant());
        if (status == LinkStatus.ACTIVE) {
            return Response.seeOther(URI.create(PATH + linkId)).build();
        }
        return unavailable(link.get(), status);
    }

    private Response unavailable(ShareLink link, LinkStatus status) {
        return switch (status) {
            case LOCKED -> Response.fromResponse(page(Templates.unavailable("share_recipient_locked",
                    Formats.dateTime(link.lockedUntil, config.timeZone(), page.locale())), 429))
                    .header("Retry-After", Math.max(1, Duration.between(clock.instant(), link.lockedUntil).toSeconds()))
                    .build();
            case DEACTIVATED -> page(Templates.unavailable("share_recipient_deactivated", null), 410);
            default -> page(Templates.unavailable("share_recipient_expired", null), 410);
        };
    }

    /** This network has entered too many wrong codes for the link: it may try again at {@code until}, others now. */
    private Response waitPage(Instant until) {
        return Response.fromResponse(page(Templates.unavailable("share_recipient_wait",
                Formats.dateTime(until, config.timeZone(), page.locale())), 429))
                .header("Retry-After", Math.max(1, Duration.between(clock.instant(), until).toSeconds()))
                .build();
    }

    private Response unknown() {
        return page(Templates.unavailable("share_recipient_unknown", null), 404);
    }

    /** Recipient pages speak the language the owner chose, whatever the browser prefers; no language link. */
    /**
     * The link's language, as its owner chose it for the recipient, unless the recipient chose another one in the
     * language menu; the menu leads back to the link's page.
     */
    private Locale inLanguageOf(ShareLink link) {
        Locale owners = Languages.supported(link.language);
        Locale locale = page.chosen() ? page.locale() : owners == null ? Languages.fallback() : owners;
        page.set(locale, PATH + link.id);
        return page.locale();
    }

    private NewCookie grantCookie(String linkId, String token) {
        return new NewCookie.Builder(GRANT_COOKIE).value(token).path(PATH + linkId).httpOnly(true)
                .secure(config.auth().session().secureCookie()).sameSite(NewCookie.SameSite.STRICT)
                .maxAge((int) config.sharing().grantDuration().toSeconds()).build();
    }

    private static Response download(byte[] body, String type, String filename) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("X-Content-Type-Options", "nosniff").build();
    }

    private static boolean hasPdf(ShareSnapshot snapshot) {
        return snapshot.signedPdf != null || snapshot.signedElmo != null;
    }

    /**
     * The link's PDF: its own when it carries credentials (results and a section per kind), else the one inside its
     * signed ELMO; null when there is none to be found.
     */
    static byte[] pdfOf(ShareSnapshot snapshot) {
        if (snapshot.signedPdf != null) {
            return Base64.getDecoder().decode(snapshot.signedPdf);
        }
        return snapshot.signedElmo == null ? null : transcriptOf(snapshot.signedElmo);
    }

    /** The PDF transcript: the content of the document's first top-level attachment, a data URI. */
    static byte[] transcriptOf(String signedElmo) {
        try {
            Element root = SecureXml.parse(signedElmo.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element attachment && "attachment".equals(attachment.getLocalName())) {
                    for (Node c = attachment.getFirstChild(); c != null; c = c.getNextSibling()) {
                        String prefix = "data:application/pdf;base64,";
                        if (c instanceof Element content && "content".equals(content.getLocalName())
                                && content.getTextContent().strip().startsWith(prefix)) {
                            return Base64.getMimeDecoder().decode(content.getTextContent().strip().substring(prefix.length()));
                        }
                    }
                    return null;
                }
            }
            return null;
        } catch (SecureXml.XmlParseException | IllegalArgumentException e) {
            return null;
        }
    }

    private Response page(TemplateInstance template, int status) {
        return page.html(template, status);
    }
}
