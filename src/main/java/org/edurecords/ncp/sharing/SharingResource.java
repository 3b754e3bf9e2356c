package org.edurecords.ncp.sharing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.auth.PortalSessions;
import org.edurecords.ncp.competence.CompetenceDocuments;
import org.edurecords.ncp.competence.CompetenceEvidence;
import org.edurecords.ncp.competence.CompetencePdfSections;
import org.edurecords.ncp.competence.CompetenceViews;
import org.edurecords.ncp.competence.Credential;
import org.edurecords.ncp.competence.Credentials;
import org.edurecords.ncp.competence.LiveRegisters;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.signing.ResponseSignature;
import org.edurecords.ncp.transfer.SignedTransfer;
import org.edurecords.ncp.transfer.TransferDocumentService;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.ResultService;
import org.edurecords.ncp.selection.InstitutionView;
import org.edurecords.ncp.selection.SelectionSummary;
import org.edurecords.ncp.selection.SelectionViews;
import org.edurecords.ncp.selection.UnreachableView;
import org.edurecords.ncp.web.Formats;
import org.edurecords.ncp.web.Languages;
import org.edurecords.ncp.web.TextBundle;
import org.edurecords.ncp.web.PageContext;
import org.edurecords.ncp.web.RateLimited;
import org.edurecords.ncp.web.RateLimits;
import org.edurecords.ncp.web.SecretTokens;
import org.jboss.logging.Logger;

/**
 * The owner's side of sharing by link, inside the portal session: select results, preview them with the
 * link's settings, create the link (its address and code are shown once), and the list of links with their
 * views and a deactivate button.
 */
@Path("/my-results")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class SharingResource {

    @Inject
    CompetenceDocuments competenceDocuments;

    @Inject
    org.edurecords.ncp.web.PublicUrl publicUrl;

    private static final Logger LOG = Logger.getLogger(SharingResource.class);
    static final int LABEL_MAX = 100;
    private static final List<Integer> VALIDITY_DAYS = List.of(1, 7, 30, 90, 180, 365);
    private static final int DEFAULT_VALIDITY_DAYS = 30;

    /** One choice of validity on the preview page. */
    public record ValidityChoice(int days, String messageKey, boolean checked) {
    }

    /** The settings the owner is choosing, kept when the preview is shown again. */
    public record LinkSettings(List<ValidityChoice> validity, String language, String label, String problemKey) {
    }

    /** The hidden state of the preview form: what was previewed, and the form's one-time id. */
    public record PreviewForm(List<Long> selected, List<String> credentials, boolean showAll, String previewHash,
            String requestId) {
    }

    /** The owner and everything they could share: results (possibly none) and credentials (possibly none). */
    private record Shareable(LearnerResults results, List<Credential> credentials, List<String> staleRegisters) {

        /** The owner's credentials whose ids were ticked, in the order of the page. */
        List<Credential> chosen(List<String> ids) {
            Set<String> wanted = Set.copyOf(ids == null ? List.of() : ids);
            return credentials.stream().filter(c -> wanted.contains(c.id())).toList();
        }
    }

    /**
     * One row of the owner's list. {@code recentWrongCodes}: wrong codes within the counting window, from any
     * network, shown while the link can still be opened (someone may be guessing; the owner can deactivate it).
     */
    public record LinkRow(String id, String label, String created, String expires, String statusKey, boolean active,
            String lockedUntil, long recentWrongCodes, List<String> views, String languageName) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance select(List<InstitutionView> institutions, boolean showAll,
                boolean nothingSelected, List<UnreachableView> unreachable, SelectionSummary summary,
                List<CompetenceViews.KindGroup> credentials, Set<String> checkedCredentials);

        static native TemplateInstance preview(Learner learner, String birthDate, List<InstitutionView> institutions,
                List<UnreachableView> unreachable, PreviewForm form, LinkSettings settings, boolean changed,
                SelectionSummary summary, List<CompetenceViews.KindGroup> credentials);

        static native TemplateInstance created(String url, String code, String label, String expires, String languageName,
                String linkId);

        static native TemplateInstance emailForm(String linkId, String url, String label, String languageName,
                String value, String problemKey);

        static native TemplateInstance emailSent(String address);

        static native TemplateInstance emailProblem(String messageKey);

        static native TemplateInstance alreadyCreated();

        static native TemplateInstance links(List<LinkRow> links, boolean deactivated);

        static native TemplateInstance problem(String messageKey);
    }

    @Inject
    PortalSessions sessions;

    @Inject
    ResultService results;

    @Inject
    SelectionViews views;

    @Inject
    TransferDocumentService documents;

    @Inject
    ShareLinks links;

    @Inject
    PageContext page;

    @Inject
    NcpConfig config;

    @Inject
    ObjectMapper json;

    @Inject
    ShareMail mail;

    @Inject
    Credentials credentials;

    @Inject
    CompetenceViews competenceViews;

    @Inject
    ResponseSignature signature;

    @Inject
    java.time.Clock clock;

    @Inject
    ShareSelectionResults selections;

    @Inject
    LiveRegisters liveRegisters;

    @GET
    @Path("share")
    public Response selectPage(@CookieParam(PortalSessions.COOKIE) String token, @QueryParam("showAll") boolean showAll) {
        Optional<Shareable> all = shareable(token, true);
        if (all.isEmpty()) {
            return PortalSessions.toLogin();
        }
        return select(all.get(), showAll, false, 200);
    }

    @POST
    @Path("share/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response preview(@CookieParam(PortalSessions.COOKIE) String token, @FormParam("lo") List<String> ticked,
            @FormParam("institution") List<String> institutions, @FormParam("group") List<String> groups,
            @FormParam("shownInstitution") List<String> shownInstitutions,
            @FormParam("shownGroup") List<String> shownGroups, @FormParam("showAll") boolean showAll,
            @FormParam("view") String view, @FormParam("credential") List<String> tickedCredentials) {
        Optional<Shareable> all = shareable(token, false);
        if (all.isEmpty()) {
            return PortalSessions.toLogin();
        }
        Set<Long> selection = views.selectionFrom(all.get().results(), new SelectionViews.Form(ticked, institutions,
                groups, shownInstitutions, shownGroups, showAll));
        List<Credential> chosen = all.get().chosen(tickedCredentials);
        if ("all".equals(view) || "passed".equals(view)) {
            // Showing more or fewer results keeps what is ticked.
            return select(all.get(), selection, ids(chosen), "all".equals(view), false, 200);
        }
        if (selection.isEmpty() && chosen.isEmpty()) {
            return select(all.get(), showAll, true, 422);
        }
        LearnerResults selected = all.get().results().select(selection);
        PreviewForm form = new PreviewForm(List.copyOf(selection), ids(chosen), showAll, hash(selected, chosen),
                SecretTokens.random(ShareLinks.LINK_ID_BYTES));
        return preview(selected, chosen, all.get().staleRegisters(), form,
                settings(DEFAULT_VALIDITY_DAYS, page.locale().getLanguage(), "", null), false, 200);
    }

    @POST
    @RateLimited(RateLimits.Limit.SHARE_CREATION)
    @Path("share/create")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@CookieParam(PortalSessions.COOKIE) String token, @FormParam("lo") List<String> ticked,
            @FormParam("showAll") boolean showAll, @FormParam("previewHash") String previewHash,
            @FormParam("requestId") String requestId, @FormParam("validityDays") String validityDays,
            @FormParam("language") String language, @FormParam("label") String label,
            @FormParam("credential") List<String> tickedCredentials) {
        Optional<Shareable> all = shareable(token, false);
        if (all.isEmpty()) {
            return PortalSessions.toLogin();
        }
        Set<Long> selection = views.selectionFrom(all.get().results(), nullSafe(ticked), List.of(), List.of(), showAll);
        List<Credential> chosen = all.get().chosen(tickedCredentials);
        if ((selection.isEmpty() && chosen.isEmpty()) || requestId == null || !ShareLinks.plausibleId(requestId)) {
            return select(all.get(), showAll, true, 422);
        }
        LearnerResults selected = all.get().results().select(selection);
        String cleanLabel = label == null ? "" : label.strip();
        Integer days = parse(validityDays);
        if (days != null && !allowedValidity().contains(days)) {
            days = null;
        }
        Locale locale = Languages.supported(language);
        String problem = days == null ? "share_problem_validity" : locale == null ? "share_problem_language"
                : cleanLabel.length() > LABEL_MAX || cleanLabel.chars().anyMatch(Character::isISOControl)
                        ? "share_problem_label" : null;
        PreviewForm form = new PreviewForm(List.copyOf(selection), ids(chosen), showAll, hash(selected, chosen), requestId);
        if (problem != null) {
            return preview(selected, chosen, all.get().staleRegisters(), form,
                    settings(days == null ? DEFAULT_VALIDITY_DAYS : days,
                            locale == null ? page.locale().getLanguage() : locale.getLanguage(), cleanLabel, problem),
                    false, 422);
        }
        if (!form.previewHash().equals(previewHash)) {
            // The sources answered differently since the preview: the owner confirms what will really be shared.
            return preview(selected, chosen, all.get().staleRegisters(), form,
                    settings(days, locale.getLanguage(), cleanLabel, null), true, 409);
        }
        ShareLinks.Documents signed;
        try {
            // ELMO carries the learning opportunities; credentials travel as the signed JSON evidence (ADR 0870),
            // and with them the link has a PDF of its own: its results and a section per kind (ADR 0871).
            SignedTransfer document = selected.isEmpty() ? null : documents.build(selected, locale);
            // A link of credentials only has no ELMO document; its id then names the evidence and the PDF.
            String documentId = document != null ? document.documentId() : java.util.UUID.randomUUID().toString();
            ShareLinks.Evidence evidence = null;
            byte[] pdf = null;
            if (!chosen.isEmpty()) {
                java.time.LocalDate today = competenceDocuments.today();
                byte[] body = competenceDocuments.evidence(selected.learner(), chosen);
                evidence = new ShareLinks.Evidence(body, signature.sign(body).jws());
                pdf = documents.sealedTranscript(selected, CompetencePdfSections.of(chosen, today, locale), locale,
                        documentId);
            }
            signed = new ShareLinks.Documents(documentId, document, evidence, pdf);
        } catch (RuntimeException e) {
            LOG.error("Share link: building the signed document failed", e);
            return page(Templates.problem("share_problem_signing"), 503);
        }
        Optional<ShareLinks.Created> created;
        try {
            created = links.create(selected, signed, Duration.ofDays(days), locale,
                    cleanLabel.isEmpty() ? null : cleanLabel, requestId);
        } catch (PersistenceException e) {
            // The same form submitted twice at once: the unique request id let only one of them through.
            LOG.infof("Share link: a second submission of one preview form was refused (%s)", e.getClass().getSimpleName());
            created = Optional.empty();
        }
        if (created.isEmpty()) {
            return page(Templates.alreadyCreated(), 409);
        }
        ShareLink link = created.get().link();
        page.set(page.locale(), null);
        return page(Templates.created(linkUrl(link.id), created.get().code(), link.label,
                Formats.dateTime(link.expiresAt, config.timeZone(), page.locale()),
                languageName(link.language), link.id), 200);
    }

    @GET
    @Path("links")
    public Response linksPage(@CookieParam(PortalSessions.COOKIE) String token,
            @QueryParam("deactivated") boolean deactivated) {
        Optional<Long> owner = owner(token);
        if (owner.isEmpty()) {
            return PortalSessions.toLogin();
        }
        Locale locale = page.locale();
        List<LinkRow> rows = links.linksOf(owner.get()).stream().map(l -> new LinkRow(l.link().id, l.link().label,
                time(l.link().createdAt, locale), time(l.link().expiresAt, locale), l.status().messageKey(),
                l.status() == LinkStatus.ACTIVE || l.status() == LinkStatus.LOCKED,
                l.status() == LinkStatus.LOCKED ? time(l.link().lockedUntil, locale) : null,
                l.status() == LinkStatus.ACTIVE || l.status() == LinkStatus.LOCKED ? l.recentWrongCodes() : 0,
                l.views().stream().map(v -> time(v, locale)).toList(), languageName(l.link().language))).toList();
        return page(Templates.links(rows, deactivated), 200);
    }

    @POST
    @Path("links/{linkId}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response deactivate(@CookieParam(PortalSessions.COOKIE) String token, @PathParam("linkId") String linkId) {
        Optional<Long> owner = owner(token);
        if (owner.isEmpty()) {
            return PortalSessions.toLogin();
        }
        if (!links.deactivate(owner.get(), linkId)) {
            LOG.info("Share link: deactivation of an unknown link or one of another learner refused");
            return page(Templates.problem("share_problem_no_such_link"), 404);
        }
        return Response.seeOther(URI.create("/my-results/links?deactivated=true")).header("Cache-Control", "no-store")
                .build();
    }

    /** The form that sends one of the owner's active links by e-mail. */
    @GET
    @Path("links/{linkId}/email")
    public Response emailForm(@CookieParam(PortalSessions.COOKIE) String token, @PathParam("linkId") String linkId) {
        Optional<Long> owner = owner(token);
        if (owner.isEmpty()) {
            return PortalSessions.toLogin();
        }
        Optional<ShareLink> link = ownLink(owner.get(), linkId);
        if (link.isEmpty()) {
            return page(Templates.problem("share_problem_no_such_link"), 404);
        }
        if (link.get().statusAt(clock.instant()) != LinkStatus.ACTIVE) {
            return page(Templates.emailProblem("share_email_not_active"), 409);
        }
        return emailForm(link.get(), "", null, 200);
    }

    /**
     * Sends the link (never the code) to the address typed, in the link's language, and records it in the ledger.
     * A bad address gets the form again with 400 and the reason.
     */
    @POST
    @RateLimited(RateLimits.Limit.SHARE_EMAIL)
    @Path("links/{linkId}/email")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response email(@CookieParam(PortalSessions.COOKIE) String token, @PathParam("linkId") String linkId,
            @FormParam("email") String typed) {
        Optional<Long> owner = owner(token);
        if (owner.isEmpty()) {
            return PortalSessions.toLogin();
        }
        Optional<ShareLink> link = ownLink(owner.get(), linkId);
        if (link.isEmpty()) {
            return page(Templates.problem("share_problem_no_such_link"), 404);
        }
        Optional<String> address = ShareMail.address(typed);
        if (address.isEmpty()) {
            LOG.warn("Share link e-mail refused with 400: not one valid e-mail address");
            String shown = typed == null ? "" : typed.strip();
            return emailForm(link.get(), shown.length() > ShareMail.ADDRESS_MAX ? "" : shown, "share_email_invalid",
                    400);
        }
        ShareMail.Outcome outcome;
        try {
            outcome = mail.send(owner.get(), link.get().id, address.get());
        } catch (RuntimeException e) {
            LOG.errorf("Share link e-mail could not be handed to the mail server (%s)", e.getClass().getSimpleName());
            return page(Templates.emailProblem("share_email_failed"), 503);
        }
        return switch (outcome) {
            case SENT -> page(Templates.emailSent(address.get()), 200);
            case TOO_MANY -> emailForm(link.get(), address.get(), "share_email_too_many", 429);
            case NOT_ACTIVE -> page(Templates.emailProblem("share_email_not_active"), 409);
            case NO_SUCH_LINK -> page(Templates.problem("share_problem_no_such_link"), 404);
        };
    }

    // ------------------------------------------------------------------------------------------

    /** One of the owner's links, whatever its status; empty for another learner's link and for none at all. */
    private Optional<ShareLink> ownLink(long owner, String linkId) {
        return links.find(linkId).filter(l -> l.learnerId == owner);
    }

    private Response emailForm(ShareLink link, String value, String problemKey, int status) {
        page.set(page.locale(), problemKey == null ? "/my-results/links/" + link.id + "/email" : null);
        return page(Templates.emailForm(link.id, linkUrl(link.id), link.label, languageName(link.language), value,
                problemKey), status);
    }

    private Response select(Shareable all, boolean showAll, boolean nothingSelected, int status) {
        return select(all, Set.of(), List.of(), showAll, nothingSelected, status);
    }

    private Response select(Shareable all, Set<Long> checked, List<String> checkedCredentials, boolean showAll,
            boolean nothingSelected, int status) {
        LearnerResults results = all.results();
        return page(Templates.select(views.selectionPage(results, checked, showAll, page.locale()), showAll,
                nothingSelected, views.unreachable(results.missing(), all.staleRegisters(), page.locale()),
                views.summary(results, checked, page.locale()),
                CompetenceViews.group(all.credentials(), java.time.LocalDate.now(clock), page.locale()),
                Set.copyOf(checkedCredentials)), status);
    }

    private Response preview(LearnerResults selected, List<Credential> chosen, List<String> staleRegisters,
            PreviewForm form, LinkSettings settings, boolean changed, int status) {
        // The preview answers a POST: the language link leads back to the selection.
        page.set(page.locale(), "/my-results/share");
        Learner learner = selected.learner();
        return page(Templates.preview(learner, Formats.date(learner.birthDate(), page.locale()),
                views.previewPage(selected, page.locale()),
                views.unreachable(selected.missing(), staleRegisters, page.locale()), form, settings, changed,
                views.summary(selected, page.locale()),
                CompetenceViews.group(chosen, java.time.LocalDate.now(clock), page.locale())), status);
    }

    private static List<String> ids(List<Credential> chosen) {
        return chosen.stream().map(Credential::id).toList();
    }

    private LinkSettings settings(int days, String language, String label, String problemKey) {
        List<Integer> allowed = allowedValidity();
        int chosen = allowed.contains(days) ? days
                : allowed.stream().filter(d -> d <= DEFAULT_VALIDITY_DAYS).reduce((a, b) -> b).orElse(allowed.get(0));
        return new LinkSettings(allowed.stream().map(d -> new ValidityChoice(d, "share_validity_" + d, d == chosen))
                .toList(), language, label, problemKey);
    }

    /** The validity choices up to the configured maximum; one day is always offered. */
    private List<Integer> allowedValidity() {
        long max = Math.max(1, config.sharing().maxValidity().toDays());
        return VALIDITY_DAYS.stream().filter(d -> d <= max).toList();
    }

    private Optional<Long> owner(String token) {
        return sessions.learnerOf(token);
    }

    /**
     * What the owner of the session can share; empty without a session or without anything to share. The selection
     * page asks the sources; the preview and the creation work from what it showed (ShareSelectionResults).
     */
    private Optional<Shareable> shareable(String token, boolean askSources) {
        return sessions.learnerOf(token).flatMap(results::findLearner).map(l -> {
            // Live registers first: what they answer is among the credentials read next.
            Supplier<ShareSelectionResults.Offered> ask = () -> {
                List<String> stale = liveRegisters.refresh(l);
                return new ShareSelectionResults.Offered(results.resultsOf(l), stale);
            };
            ShareSelectionResults.Offered offered = askSources ? selections.askNow(token, l.id(), ask)
                    : selections.asShown(token, l.id(), ask);
            return new Shareable(offered.results(), credentials.of(l.id()), offered.staleRegisters());
        }).filter(s -> !s.results().isEmpty() || !s.credentials().isEmpty());
    }

    /** What the preview showed: the results and the credentials as they are, but not the moment of the preview. */
    private String hash(LearnerResults selected, List<Credential> chosen) {
        try {
            List<Object> shown = List.of(SnapshotPayload.of(selected), CompetenceEvidence.of(selected.learner(), chosen,
                    java.time.Instant.EPOCH, java.time.LocalDate.now(clock), "", "").credentials());
            return SecretTokens.sha256Hex(new String(json.writeValueAsBytes(shown), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The selection cannot be summarised", e);
        }
    }

    private String linkUrl(String id) {
        String base = publicUrl.base();
        return base + RecipientResource.PATH + id;
    }

    private String time(java.time.Instant instant, Locale locale) {
        return Formats.dateTime(instant, config.timeZone(), locale);
    }

    /** A recipient language as its speakers name it, the way the language menu does. */
    static String languageName(String language) {
        Locale locale = Languages.supported(language);
        return locale == null ? language : TextBundle.of(locale).get("language_name");
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private Response page(TemplateInstance template, int status) {
        return page.html(template, status);
    }

    private static List<String> nullSafe(List<String> values) {
        return values == null ? List.of() : values;
    }
}
