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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.auth.AuthenticatedStudent;
import org.edurecords.ncp.auth.DemoLogin;
import org.edurecords.ncp.auth.HeaderLogin;
import org.edurecords.ncp.auth.Identity;
import org.edurecords.ncp.auth.LoginFailure;
import org.edurecords.ncp.auth.LoginLink;
import org.edurecords.ncp.auth.OidcLogin;
import org.edurecords.ncp.auth.StudentLogins;
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
import org.edurecords.ncp.web.RateLimited;
import org.edurecords.ncp.web.RateLimits;
import org.edurecords.ncp.web.SecurityHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;
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
                List<UnreachableView> unreachable, SelectionSummary summary);

        static native TemplateInstance preview(String flowId, String receiver, String returnOrigin, Learner learner,
                String birthDate, List<InstitutionView> institutions, long version, List<UnreachableView> unreachable,
                SelectionSummary summary, String logo);

        static native TemplateInstance answer(Delivery.FormPost answer, String receiver);

        static native TemplateInstance noResults(Delivery.FormPost form, String link, String receiver);

        static native TemplateInstance closed(String stateKey);

        static native TemplateInstance problem(String messageKey, int status);
    }

    @Inject
    TransferFlowService flows;

    @Inject
    DemoLogin demoLogin;

    @Inject
    StudentLogins logins;

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


    @GET
    public Response current(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        return withOpenFlow(flowId, browserSecret, session -> redirectToStep(session));
    }

    @GET
    @Path("login")
    public Response loginPage(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.state != EmrexSession.State.RECEIVED) {
                return redirectToStep(session);
            }
            return loginPage(session, null, 200);
        });
    }

    @POST
    @RateLimited(RateLimits.Limit.LOGIN)
    @Path("login")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret,
            @FormParam("username") String username, @FormParam("password") String password) {
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.state != EmrexSession.State.RECEIVED) {
                return redirectToStep(session);
            }
            if (!demoLogin.enabled()) {
                return problem("flow_problem_loginUnavailable", 403);
            }
            Optional<AuthenticatedStudent> student = demoLogin.authenticate(username, password);
            if (student.isEmpty()) {
                LOG.infof("Transfer %s: demo login refused", flowId);
                return page(Templates.login(flowId, receiver(session), true, true, username == null ? "" : username,
                        logins.forFlow(flowId), null), 401);
            }
            return loggedIn(session, "demo", Optional.of(student.get().learnerId()));
        });
    }

    /** Starts an OIDC login for this flow: the flow is noted for the callback, then the protected path takes over. */
    @GET
    @RateLimited(RateLimits.Limit.LOGIN)
    @Path("login/oidc/start")
    public Response oidcStart(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        if (!oidcLogin.enabled()) {
            return problem("flow_problem_loginUnavailable", 404);
        }
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.state != EmrexSession.State.RECEIVED) {
                return redirectToStep(session);
            }
            String attempt = flows.startLoginAttempt(flowId);
            return Response.seeOther(URI.create(oidcLogin.protectedPath(flowId, attempt)))
                    .header("Set-Cookie", oidcLogin.flowCookieHeader(flowId, attempt)).build();
        });
    }

    /** Protected by quarkus-oidc: reached only after the code flow with the provider has completed. */
    @GET
    @Path("login/oidc")
    @Authenticated
    public Response oidcLogin(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        Identity identity;
        LoginFailure failure = null;
        try {
            identity = oidcLogin.identify(idToken);
        } catch (LoginFailure e) {
            identity = null;
            failure = e;
        } finally {
            oidcLogin.endLocalSession(oidcSession);
        }
        return identifiedLogin(flowId, browserSecret, identity, failure);
    }

    /** Behind a SAML service provider that protects this path and passes the attributes as headers. */
    @GET
    @RateLimited(RateLimits.Limit.LOGIN)
    @Path("login/header")
    public Response headerLogin(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret,
            @Context HttpServerRequest request) {
        if (!headerLogin.enabled()) {
            return problem("flow_problem_loginUnavailable", 404);
        }
        Identity identity = null;
        LoginFailure failure = null;
        try {
            identity = headerLogin.identify(request);
        } catch (LoginFailure e) {
            failure = e;
        }
        if (failure != null && failure.kind() == LoginFailure.Kind.UNTRUSTED_SOURCE) {
            // Someone reached us around the service provider: refuse, but leave the flow open for a real login.
            return problem(failure.kind().messageKey(), 403);
        }
        return identifiedLogin(flowId, browserSecret, identity, failure);
    }

    /** Where the identity provider's error answer lands (via /auth/oidc/error): cancel or error ends the transfer. */
    @GET
    @Path("login/failed")
    public Response loginFailed(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret,
            @QueryParam("reason") String reason, @QueryParam("attempt") String attempt) {
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.state != EmrexSession.State.RECEIVED) {
                return redirectToStep(session);
            }
            if (!flows.isLoginAttempt(session, attempt)) {
                // Not the answer to a login this browser started (a link, a reload of an old address): the transfer
                // goes on, and the student may log in again or cancel.
                LOG.warnf("Transfer %s: a login error without the token of the login that was started; flow kept open",
                        flowId);
                return loginPage(session, "flow_notice_loginNotCompleted", 200);
            }
            if ("cancelled".equals(reason)) {
                LOG.infof("Transfer %s: login cancelled at the identity provider", flowId);
                return finish(session, Outcome.CANCEL, "");
            }
            if ("unavailable".equals(reason)) {
                LOG.infof("Transfer %s: the login with the identity provider could not be completed", flowId);
                return finish(session, Outcome.ERROR,
                        "The student's identity provider could not be reached or did not complete the login.");
            }
            LOG.infof("Transfer %s: the identity provider answered with an error", flowId);
            return finish(session, Outcome.ERROR, "The student's identity provider reported an error; no login took place.");
        });
    }

    private Response identifiedLogin(String flowId, String browserSecret, Identity identity, LoginFailure failure) {
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.state != EmrexSession.State.RECEIVED) {
                return redirectToStep(session);
            }
            if (failure != null) {
                LOG.infof("Transfer %s: login failed (%s)", flowId, failure.kind());
                return finish(session, Outcome.ERROR, failure.getMessage());
            }
            return loggedIn(session, identity.method(), logins.learnerFor(identity));
        });
    }

    /**
     * The common end of every login: a person the register does not know, or who has no results,
     * gets NCP_NO_RESULTS; otherwise the flow moves on with a new browser secret.
     */
    private Response loggedIn(EmrexSession session, String method, Optional<Long> learnerId) {
        if (learnerId.isEmpty()) {
            LOG.infof("Transfer %s: %s login of a person unknown to the register", session.id, method);
            return finish(session, Outcome.NO_RESULTS, "");
        }
        Optional<String> secret = flows.authenticated(session.id, learnerId.get());
        if (secret.isEmpty()) {
            return redirectToStep(flows.find(session.id).orElse(session));
        }
        LOG.infof("Transfer %s: %s login", session.id, method);
        Optional<Learner> learner = results.findLearner(learnerId.get());
        if (learner.isEmpty()) {
            return finish(session, Outcome.NO_RESULTS, "");
        }
        LearnerResults found = flowResults.collect(session.id, learner.get());
        // With an institution unreachable the student is told so on the selection page, not sent back empty-handed.
        if (found.isEmpty() && !found.isPartial()) {
            return finish(session, Outcome.NO_RESULTS, "");
        }
        return Response.seeOther(URI.create("/emrex/flow/" + session.id + "/select"))
                .header("Set-Cookie", FlowCookie.of(session.id, secret.get(), config).encode())
                .build();
    }

    @GET
    @Path("select")
    public Response selectPage(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret,
            @QueryParam("showAll") boolean showAll) {
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.learnerId == null) {
                return redirectToStep(session);
            }
            return renderSelection(session, session.selectedIds(), showAll, false, 200);
        });
    }

    @POST
    @Path("select")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response select(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret,
            @FormParam("lo") List<String> ticked, @FormParam("institution") List<String> institutions,
            @FormParam("group") List<String> groups, @FormParam("shownInstitution") List<String> shownInstitutions,
            @FormParam("shownGroup") List<String> shownGroups, @FormParam("showAll") boolean showAll,
            @FormParam("view") String view) {
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.learnerId == null) {
                return redirectToStep(session);
            }
            LearnerResults all = resultsOf(session);
            Set<Long> selection = views.selectionFrom(all, new SelectionViews.Form(ticked, institutions, groups,
                    shownInstitutions, shownGroups, showAll));
            if ("all".equals(view) || "passed".equals(view)) {
                // Showing more or fewer results keeps what is ticked: the same page again, nothing stored yet.
                return renderSelection(session, selection, "all".equals(view), false, 200);
            }
            if (selection.isEmpty()) {
                // Never "send everything" by default: the student stays here and is told why.
                return renderSelection(session, Set.of(), showAll, true, 422);
            }
            if (!flows.selected(flowId, selection)) {
                return redirectToStep(flows.find(flowId).orElse(session));
            }
            return seeOther(flowId, "preview");
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
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.learnerId == null) {
                return redirectToStep(session);
            }
            LearnerResults before = resultsOf(session);
            if (before.isPartial()) {
                LearnerResults after = flowResults.retryMissing(session.id, before);
                LOG.infof("Transfer %s: asked %d missing institutions again, %d still missing", flowId,
                        before.missing().size(), after.missing().size());
            }
            return seeOther(flowId, "select");
        });
    }

    @GET
    @Path("preview")
    public Response previewPage(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.state != EmrexSession.State.SELECTED) {
                return redirectToStep(session);
            }
            LearnerResults selected = resultsOf(session).select(session.selectedIds());
            Learner learner = selected.learner();
            String logo = flows.protocolOf(session).recipientLogo(session);
            Response preview = page(Templates.preview(flowId, receiver(session),
                    SecurityHeaders.origin(URI.create(session.returnUrl)),
                    learner, Formats.date(learner.birthDate(), page.locale()),
                    views.previewPage(selected, page.locale()), session.version,
                    views.unreachable(selected.missing(), page.locale()), views.summary(selected, page.locale()),
                    logo), 200);
            if (logo != null) {
                // The client's registered logo is the one image from elsewhere this page may show.
                preview.getHeaders().putSingle(SecurityHeaders.CSP,
                        SecurityHeaders.contentSecurityPolicy(null, URI.create(logo)));
            }
            return preview;
        });
    }

    @POST
    @Path("confirm")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirm(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret,
            @FormParam("version") Long version) {
        return withOpenFlow(flowId, browserSecret, session -> {
            if (session.state != EmrexSession.State.SELECTED || version == null || version != session.version) {
                // The selection changed since the preview (another tab): show the preview again.
                return redirectToStep(session);
            }
            LearnerResults selected = resultsOf(session).select(session.selectedIds());
            SignedTransfer transfer;
            try {
                transfer = documents.build(selected, page.locale());
            } catch (RuntimeException e) {
                LOG.errorf(e, "Transfer %s: building the signed document failed", flowId);
                return finish(session, Outcome.ERROR, "The results could not be signed. Please try again later.");
            }
            Optional<Delivery> delivery = flows.close(session, Outcome.OK, "", version, transfer,
                    DisclosedResult.of(selected));
            if (delivery.isEmpty()) {
                return closedPage(flows.find(flowId).orElse(session));
            }
            LOG.infof("Transfer %s: signed document %s, %d bytes", flowId, transfer.documentId(),
                    transfer.signedXml().length);
            return answerPage(session, Outcome.OK, delivery.get());
        });
    }

    @POST
    @Path("cancel")
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("flowId") String flowId, @CookieParam(FLOW_COOKIE) String browserSecret) {
        return withOpenFlow(flowId, browserSecret, session -> finish(session, Outcome.CANCEL, ""));
    }

    // ------------------------------------------------------------------------------------------

    private Response renderSelection(EmrexSession session, Set<Long> checked, boolean showAll, boolean nothingSelected,
            int status) {
        LearnerResults all = resultsOf(session);
        return page(Templates.select(session.id, receiver(session), all.learner().fullName(),
                views.selectionPage(all, checked, showAll, page.locale()), showAll, nothingSelected,
                views.unreachable(all.missing(), page.locale()), views.summary(all, checked, page.locale())),
                status);
    }

    private LearnerResults resultsOf(EmrexSession session) {
        Learner learner = results.findLearner(session.learnerId)
                .orElseThrow(() -> new IllegalStateException("Learner of flow no longer exists"));
        return flowResults.of(session.id, learner);
    }

    /** Closes the flow without results and renders the answer, unless another request closed it first. */
    private Response finish(EmrexSession session, Outcome outcome, String message) {
        Optional<Delivery> delivery = flows.close(session, outcome, message, null, null, List.of());
        if (delivery.isEmpty()) {
            return closedPage(flows.find(session.id).orElse(session));
        }
        return answerPage(session, outcome, delivery.get());
    }

    private interface FlowStep {
        Response handle(EmrexSession session);
    }

    private Response withOpenFlow(String flowId, String browserSecret, FlowStep step) {
        Optional<EmrexSession> found = flows.find(flowId);
        if (found.isEmpty()) {
            return problem("flow_problem_unknownFlow", 404);
        }
        EmrexSession session = found.get();
        if (!flows.belongsToBrowser(session, browserSecret)) {
            if (flows.lostItsLoginAnswer(session, browserSecret) && !flows.isExpired(session)
                    && flows.backToLogin(flowId, browserSecret)) {
                return loginPage(flows.find(flowId).orElse(session), "flow_notice_loginAgain", 200);
            }
            LOG.warnf("Transfer %s: request from a browser that did not start it", flowId);
            return problem("flow_problem_otherBrowser", 403);
        }
        if (flows.isExpired(session)) {
            Optional<Delivery> delivery = flows.expire(session);
            if (delivery.isPresent()) {
                return answerPage(session, Outcome.ERROR, delivery.get());
            }
            return closedPage(flows.find(flowId).orElse(session));
        }
        if (!session.state.isOpen()) {
            return closedPage(session);
        }
        return step.handle(session);
    }

    private Response loginPage(EmrexSession session, String noticeKey, int status) {
        return page(Templates.login(session.id, receiver(session), demoLogin.enabled(), false, "",
                logins.forFlow(session.id), noticeKey), status);
    }

    private Response redirectToStep(EmrexSession session) {
        if (!session.state.isOpen()) {
            return closedPage(session);
        }
        return switch (session.state) {
            case RECEIVED -> seeOther(session.id, "login");
            case AUTHENTICATED -> seeOther(session.id, "select");
            default -> seeOther(session.id, "preview");
        };
    }

    /**
     * The answer to the client. A form (EMREX 1.0) posts itself, with results and on cancel and error; a redirect
     * (EMREX 2.0) is followed at once. A student without results first reads why and what they can do, and sends
     * the answer with the button.
     */
    private Response answerPage(EmrexSession session, Outcome outcome, Delivery delivery) {
        URI target = URI.create(delivery.target());
        String receiver = receiver(session);
        TemplateInstance template;
        if (outcome == Outcome.NO_RESULTS) {
            template = delivery instanceof Delivery.FormPost form ? Templates.noResults(form, null, receiver)
                    : Templates.noResults(null, delivery.target(), receiver);
        } else if (delivery instanceof Delivery.FormPost form) {
            template = Templates.answer(form, receiver);
        } else {
            return Response.seeOther(target).header("Cache-Control", "no-store").build();
        }
        return Response.ok(template.setLocale(page.locale()).render())
                .header("Cache-Control", "no-store")
                .header("Pragma", "no-cache")
                .header(SecurityHeaders.CSP, SecurityHeaders.contentSecurityPolicy(target))
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .build();
    }

    private Response closedPage(EmrexSession session) {
        return page(Templates.closed("closed_" + session.state.name()), 409);
    }

    private Response problem(String key, int status) {
        return page(Templates.problem(key, status), status);
    }

    private Response page(TemplateInstance template, int status) {
        return page.html(template, status);
    }

    private static Response seeOther(String flowId, String step) {
        return Response.seeOther(URI.create("/emrex/flow/" + flowId + "/" + step)).build();
    }

    /** The receiver as the student is shown it on every step: its configured name and the return URL's host. */
    private String receiver(EmrexSession session) {
        return flows.protocolOf(session).recipient(session, page.locale());
    }

    private static List<String> nullSafe(List<String> values) {
        return values == null ? List.of() : values;
    }
}
