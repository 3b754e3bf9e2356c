package org.edurecords.ncp.portal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.auth.DemoLogin;
import org.edurecords.ncp.auth.HeaderLogin;
import org.edurecords.ncp.auth.LoginFailure;
import org.edurecords.ncp.auth.LoginLink;
import org.edurecords.ncp.auth.OidcLogin;
import org.edurecords.ncp.auth.PortalSession;
import org.edurecords.ncp.auth.PortalSessions;
import org.edurecords.ncp.auth.StudentLogins;
import org.edurecords.ncp.competence.CompetenceDocuments;
import org.edurecords.ncp.competence.LiveRegisters;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.transfer.SignedTransfer;
import org.edurecords.ncp.transfer.TransferDocumentService;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.ResultService;
import org.edurecords.ncp.selection.InstitutionView;
import org.edurecords.ncp.selection.SelectionViews;
import org.edurecords.ncp.selection.UnreachableView;
import org.edurecords.ncp.web.Formats;
import org.edurecords.ncp.web.PageContext;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.edurecords.ncp.competence.CompetencePdfSections;
import org.edurecords.ncp.competence.CompetenceViews;
import org.edurecords.ncp.competence.Credential;
import org.edurecords.ncp.competence.Credentials;
import org.edurecords.ncp.signing.ResponseSignature;

/**
 * The portal for a direct visit: log in, see one's results per institution, log out. The same login
 * methods as the EMREX flow; the session that follows lives in the database ({@link PortalSessions}).
 */
@Path("/my-results")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class PortalResource {

    @Inject
    org.edurecords.ncp.web.PublicUrl publicUrl;

    private static final Logger LOG = Logger.getLogger(PortalResource.class);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(List<LoginLink> logins, boolean demoEnabled, String problemKey,
                String username);

        static native TemplateInstance results(Learner learner, String birthDate, List<InstitutionView> institutions,
                List<UnreachableView> unreachable, boolean hasResults, List<CompetenceViews.KindGroup> competence);

        static native TemplateInstance noResults(String identityName, boolean hasLedger);

        static native TemplateInstance documentsUnavailable();
    }

    @Inject
    TransferDocumentService documents;

    @Inject
    LiveRegisters liveRegisters;

    @Inject
    CompetenceDocuments competenceDocuments;

    @Inject
    PortalSessions sessions;

    @Inject
    StudentLogins logins;

    @Inject
    DemoLogin demoLogin;

    @Inject
    OidcLogin oidcLogin;

    @Inject
    HeaderLogin headerLogin;

    @Inject
    OidcSession oidcSession;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    ResultService results;

    @Inject
    SelectionViews views;

    @Inject
    CompetenceViews competenceViews;

    @Inject
    Credentials credentials;

    @Inject
    ResponseSignature signature;

    @Inject
    com.fasterxml.jackson.databind.ObjectMapper json;

    @Inject
    java.time.Clock clock;

    @Inject
    PageContext page;

    @Inject
    NcpConfig config;

    @GET
    public Response home(@CookieParam(PortalSessions.COOKIE) String token, @QueryParam("login") String loginProblem) {
        Optional<PortalSession> session = sessions.find(token);
        if (session.isEmpty()) {
            String problemKey = switch (loginProblem == null ? "" : loginProblem) {
                case "cancelled" -> LoginFailure.Kind.CANCELLED.messageKey();
                case "failed" -> LoginFailure.Kind.PROVIDER_ERROR.messageKey();
                case "missing" -> LoginFailure.Kind.MISSING_ATTRIBUTE.messageKey();
                default -> null;
            };
            return page(Templates.login(logins.forPortal(), demoLogin.enabled(), problemKey, ""), 200);
        }
        Optional<Learner> learner = session.get().learnerId == null ? Optional.empty()
                : results.findLearner(session.get().learnerId);
        LearnerResults all = learner.map(results::resultsOf).orElse(null);
        // Registers that serve credentials live are asked at each visit, as the result sources are.
        List<String> staleRegisters = learner.map(liveRegisters::refresh).orElse(List.of());
        List<CompetenceViews.KindGroup> competence = learner.map(l -> competenceViews.of(l.id(), page.locale()))
                .orElse(List.of());
        if ((all == null || all.isEmpty()) && competence.isEmpty()) {
            // A learner of the register without results may still have been asked for them: the ledger says by whom.
            return page(Templates.noResults(session.get().displayName, learner.isPresent()), 200);
        }
        boolean hasResults = all != null && !all.isEmpty();
        List<UnreachableView> unreachable = views.unreachable(all == null ? List.of() : all.missing(), staleRegisters,
                page.locale());
        return page(Templates.results(learner.get(), Formats.date(learner.get().birthDate(), page.locale()),
                hasResults ? views.previewPage(all, page.locale()) : List.of(), unreachable, hasResults, competence),
                200);
    }

    /**
     * The owner's own signed PDF transcript of all their results, built and signed as an EMREX answer is; with
     * credentials, a sealed PDF of its own with a section per kind after the results (ADR 0871).
     */
    @GET
    @Path("transcript.pdf")
    public Response transcript(@CookieParam(PortalSessions.COOKIE) String token) {
        Optional<Learner> learner = sessions.learnerOf(token).flatMap(results::findLearner);
        List<Credential> own = learner.map(l -> credentials.of(l.id())).orElse(List.of());
        if (own.isEmpty()) {
            return ownDocument(token, "application/pdf", "pdf");
        }
        LearnerResults all = results.resultsOf(learner.get());
        String documentId = java.util.UUID.randomUUID().toString();
        byte[] pdf;
        try {
            java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(config.timeZone()));
            pdf = documents.sealedTranscript(all, CompetencePdfSections.of(own, today, page.locale()), page.locale(),
                    documentId);
        } catch (RuntimeException e) {
            LOG.error("My results: building the owner's signed PDF failed", e);
            return page(Templates.documentsUnavailable(), 503);
        }
        LOG.infof("My results: the owner downloaded document %s (pdf, %d credentials)", documentId, own.size());
        return download(pdf, "application/pdf", "transcript-" + documentId + ".pdf");
    }

    /** The owner's own signed ELMO document of all their results (the PDF transcript inside). */
    @GET
    @Path("results.xml")
    public Response elmo(@CookieParam(PortalSessions.COOKIE) String token) {
        return ownDocument(token, "application/xml", "xml");
    }

    /**
     * The owner's own copy of their credentials in the JSON evidence format (docs/competence.md), signed in
     * {@code X-Signature} as an EMREX 2.0 answer is; like the other own documents, not a disclosure.
     */
    @GET
    @Path("competence.json")
    public Response competenceEvidence(@CookieParam(PortalSessions.COOKIE) String token) {
        Optional<Learner> learner = sessions.learnerOf(token).flatMap(results::findLearner);
        if (learner.isEmpty()) {
            return PortalSessions.toLogin();
        }
        List<Credential> all = credentials.of(learner.get().id());
        byte[] body = competenceDocuments.evidence(learner.get(), all);
        ResponseSignature.Signed signed = signature.sign(body);
        LOG.infof("My results: the owner downloaded their competence evidence (%d credentials)", all.size());
        return Response.ok(body, MediaType.APPLICATION_JSON).header("X-Signature", signed.jws())
                .header("X-Signature-Algorithm", signed.algorithm())
                .header("Content-Disposition", "attachment; filename=\"competence.json\"")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    private Response ownDocument(String token, String type, String extension) {
        Optional<LearnerResults> all = sessions.learnerOf(token).flatMap(results::findLearner).map(results::resultsOf)
                .filter(r -> !r.isEmpty());
        if (all.isEmpty()) {
            return PortalSessions.toLogin();
        }
        SignedTransfer document;
        try {
            document = documents.build(all.get(), page.locale());
        } catch (RuntimeException e) {
            LOG.error("My results: building the owner's signed document failed", e);
            return page(Templates.documentsUnavailable(), 503);
        }
        // The owner's own copy discloses nothing to anyone else: not a ledger event.
        LOG.infof("My results: the owner downloaded document %s (%s)", document.documentId(), extension);
        byte[] body = "pdf".equals(extension) ? document.pdfTranscript() : document.signedXml();
        String name = ("pdf".equals(extension) ? "transcript-" : "elmo-") + document.documentId() + "." + extension;
        return download(body, type, name);
    }

    private static Response download(byte[] body, String type, String name) {
        return Response.ok(body, type).header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff").build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(@CookieParam(PortalSessions.COOKIE) String token) {
        Optional<PortalSession> ended = sessions.end(token);
        URI target = URI.create("/");
        Optional<String> endSession = config.auth().oidc().endSessionUrl();
        if (ended.isPresent() && ended.get().idTokenHint != null && endSession.isPresent()) {
            // RP-initiated logout, only where the operator configured the provider's end-session endpoint.
            String separator = endSession.get().contains("?") ? "&" : "?";
            target = URI.create(endSession.get() + separator + "id_token_hint="
                    + URLEncoder.encode(ended.get().idTokenHint, StandardCharsets.UTF_8) + "&post_logout_redirect_uri="
                    + URLEncoder.encode(publicUrl.base() + "/", StandardCharsets.UTF_8));
        }
        return Response.seeOther(target).cookie(sessions.expiredCookie()).header("Cache-Control", "no-store").build();
    }


    private Response page(TemplateInstance template, int status) {
        return page.html(template, status);
    }
}
