package org.edurecords.ncp.transfer;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
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

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.vertx.http.Uncompressed;
import org.edurecords.ncp.auth.LoginLink;
import org.edurecords.ncp.competence.CompetenceDocuments;
import org.edurecords.ncp.competence.CompetenceViews;
import org.edurecords.ncp.competence.Credential;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.ledger.DisclosedResult;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.ResultService;
import org.edurecords.ncp.selection.InstitutionView;
import org.edurecords.ncp.selection.SelectionSummary;
import org.edurecords.ncp.selection.SelectionViews;
import org.edurecords.ncp.selection.UnreachableView;
import org.edurecords.ncp.web.Formats;
import org.edurecords.ncp.web.PageContext;
import org.edurecords.ncp.web.SecurityHeaders;
import org.jboss.logging.Logger;

/**
 * The student's side of an EMREX transfer after the entry: login, selection, preview, confirm or
 * cancel. Every step re-reads the flow from the database and checks that the browser is the one
 * that started it; the answer to the client is rendered by {@link #answerPage}.
 */
@Path("/emrex/flow/{flowId}")
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class TransferFlowResource {

    private static final Logger LOG = Logger.getLogger(TransferFlowResource.class);
    public static final String FLOW_COOKIE = "ncp-flow";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(String flowId, String receiver, boolean demoEnabled, boolean failed,
                String username, List<LoginLink> logins, String noticeKey);

        static native TemplateInstance select(String flowId, String receiver, String learnerName,
                List<InstitutionView> institutions, boolean showAll, boolean nothingSelected,
                List<UnreachableView> unreachable, SelectionSummary summary,
                List<CompetenceViews.KindGroup> credentials, Set<String> checkedCredentials);

        static native TemplateInstance preview(String flowId, String receiver, String returnOrigin, Learner learner,
                String birthDate, List<InstitutionView> institutions, long version, List<UnreachableView> unreachable,
                SelectionSummary summary, String logo, List<CompetenceViews.KindGroup> credentials);

        static native TemplateInstance answer(Delivery.FormPost answer, String receiver);

        static native TemplateInstance noResults(Delivery.FormPost form, String link, String receiver);

        static native TemplateInstance closed(String stateKey);

        static native TemplateInstance problem(String messageKey, int status);
    }

    @Inject
    TransferFlowService flows;

    @Inject
    FlowSteps steps;

    @Inject
    NcpConfig config;

    @Inject
    ResultService results;

    @Inject
    FlowResults flowResults;

    @Inject
    SelectionViews views;

    @Inject
    TransferDocumentService documents;

    @Inject
    PageContext page;

    @Inject
    CompetenceDocuments competence;


    @GET
    public Response current(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        return steps.withOpenFlow(flowId, browserSecret, session -> steps.redirectToStep(session));
    }

    @GET
    @Path("select")
    public Response selectPage(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret,
            @QueryParam("showAll") boolean showAll) {
        return steps.withOpenFlow(flowId, browserSecret, session -> {
            if (session.learnerId == null) {
                return steps.redirectToStep(session);
            }
            return renderSelection(session, session.selectedIds(), session.selectedCredentials(), showAll, false, 200);
        });
    }

    @POST
    @Path("select")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response select(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret,
            @FormParam("lo") List<String> ticked, @FormParam("institution") List<String> institutions,
            @FormParam("group") List<String> groups, @FormParam("shownInstitution") List<String> shownInstitutions,
            @FormParam("shownGroup") List<String> shownGroups, @FormParam("showAll") boolean showAll,
            @FormParam("view") String view, @FormParam("credential") List<String> tickedCredentials) {
        return steps.withOpenFlow(flowId, browserSecret, session -> {
            if (session.learnerId == null) {
                return steps.redirectToStep(session);
            }
            LearnerResults all = steps.resultsOf(session);
            Set<Long> selection = views.selectionFrom(all, new SelectionViews.Form(ticked, institutions, groups,
                    shownInstitutions, shownGroups, showAll));
            // Only credentials this flow offers count; anything else in the form is ignored.
            Set<String> credentials = new java.util.LinkedHashSet<>();
            List<String> wanted = tickedCredentials == null ? List.of() : tickedCredentials;
            steps.offeredCredentials(session, session.learnerId).stream().map(Credential::id)
                    .filter(wanted::contains).forEach(credentials::add);
            if ("all".equals(view) || "passed".equals(view)) {
                // Showing more or fewer results keeps what is ticked: the same page again, nothing stored yet.
                return renderSelection(session, selection, credentials, "all".equals(view), false, 200);
            }
            if (selection.isEmpty() && credentials.isEmpty()) {
                // Never "send everything" by default: the student stays here and is told why.
                return renderSelection(session, Set.of(), Set.of(), showAll, true, 422);
            }
            if (!flows.selected(flowId, selection, credentials)) {
                return steps.redirectToStep(flows.find(flowId).orElse(session));
            }
            return steps.seeOther(flowId, "preview");
        });
    }

    /**
     * Asks again, for this flow only, the sources whose institutions could not be read at login; the institutions
     * read then and what is ticked stay as they were.
     */
    @POST
    @Path("retry")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response retry(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        return steps.withOpenFlow(flowId, browserSecret, session -> {
            if (session.learnerId == null) {
                return steps.redirectToStep(session);
            }
            LearnerResults before = steps.resultsOf(session);
            if (before.isPartial()) {
                LearnerResults after = flowResults.retryMissing(session.id, before);
                LOG.infof("Transfer %s: asked %d missing institutions again, %d still missing", flowId,
                        before.missing().size(), after.missing().size());
            }
            return steps.seeOther(flowId, "select");
        });
    }

    @GET
    @Path("preview")
    public Response previewPage(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        return steps.withOpenFlow(flowId, browserSecret, session -> {
            if (session.state != EmrexSession.State.SELECTED) {
                return steps.redirectToStep(session);
            }
            LearnerResults selected = steps.resultsOf(session).select(session.selectedIds());
            Learner learner = selected.learner();
            String logo = flows.protocolOf(session).recipientLogo(session);
            Response preview = steps.page(Templates.preview(flowId, steps.receiver(session),
                    SecurityHeaders.origin(URI.create(session.returnUrl)),
                    learner, Formats.date(learner.birthDate(), page.locale()),
                    views.previewPage(selected, page.locale()), session.version,
                    views.unreachable(selected.missing(), steps.staleRegisters(session), page.locale()),
                    views.summary(selected, page.locale()),
                    logo, CompetenceViews.group(steps.chosenCredentials(session), competence.today(), page.locale())),
                    200);
            if (logo != null) {
                // The client's registered logo is the one image from elsewhere this page may show.
                preview.getHeaders().putSingle(SecurityHeaders.CSP,
                        SecurityHeaders.contentSecurityPolicy(null, URI.create(logo)));
            }
            return preview;
        });
    }

    /**
     * Not compressed: the answer page is almost all the ELMO value, base64 of gzip, which a second gzip shrinks by
     * a fifth at the cost of about 5 % of the transfer's server CPU (docs/performance.md).
     */
    @POST
    @Path("confirm")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Uncompressed
    public Response confirm(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret,
            @FormParam("version") Long version) {
        return steps.withOpenFlow(flowId, browserSecret, session -> {
            if (session.state != EmrexSession.State.SELECTED || version == null || version != session.version) {
                // The selection changed since the preview (another tab): show the preview again.
                return steps.redirectToStep(session);
            }
            LearnerResults selected = steps.resultsOf(session).select(session.selectedIds());
            List<Credential> chosen = steps.chosenCredentials(session);
            SignedTransfer transfer = null;
            byte[] evidence = null;
            List<DisclosedResult> disclosed = new java.util.ArrayList<>(DisclosedResult.of(selected));
            try {
                // ELMO carries the results (upper-secondary and vocational ones among them); the credentials ELMO
                // does not hold travel as the JSON evidence of EMREX 2.0 (ADR 0872).
                if (!selected.isEmpty() || chosen.isEmpty()) {
                    transfer = documents.build(selected, page.locale());
                }
                if (!chosen.isEmpty()) {
                    evidence = competence.evidence(selected.learner(), chosen);
                    disclosed.addAll(DisclosedResult.of(competence.read(new String(evidence,
                            java.nio.charset.StandardCharsets.UTF_8))));
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Transfer %s: building the signed document failed", flowId);
                return steps.finish(session, Outcome.ERROR, "The results could not be signed. Please try again later.");
            }
            Optional<Delivery> delivery = flows.close(session, Outcome.OK, "", version, transfer, disclosed,
                    evidence);
            if (delivery.isEmpty()) {
                return steps.closedPage(flows.find(flowId).orElse(session));
            }
            LOG.infof("Transfer %s: signed document %s, %d bytes; %d credentials outside ELMO", flowId,
                    transfer == null ? "-" : transfer.documentId(), transfer == null ? 0 : transfer.signedXml().length,
                    chosen.size());
            return steps.answerPage(session, Outcome.OK, delivery.get());
        });
    }

    @POST
    @Path("cancel")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        return steps.withOpenFlow(flowId, browserSecret, session -> steps.finish(session, Outcome.CANCEL, ""));
    }

    // ------------------------------------------------------------------------------------------

    private Response renderSelection(EmrexSession session, Set<Long> checked, Set<String> checkedCredentials,
            boolean showAll, boolean nothingSelected, int status) {
        LearnerResults all = steps.resultsOf(session);
        return steps.page(Templates.select(session.id, steps.receiver(session), all.learner().fullName(),
                views.selectionPage(all, checked, showAll, page.locale()), showAll, nothingSelected,
                views.unreachable(all.missing(), steps.staleRegisters(session), page.locale()),
                views.summary(all, checked, page.locale()),
                CompetenceViews.group(steps.offeredCredentials(session, session.learnerId), competence.today(),
                        page.locale()), checkedCredentials),
                status);
    }
}
