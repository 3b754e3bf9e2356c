package org.edurecords.ncp.transfer;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.auth.StudentLogins;
import org.edurecords.ncp.competence.Credential;
import org.edurecords.ncp.competence.CredentialKind;
import org.edurecords.ncp.competence.Credentials;
import org.edurecords.ncp.competence.EvidenceType;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.results.ResultService;
import org.edurecords.ncp.web.PageContext;
import org.edurecords.ncp.web.SecurityHeaders;
import org.jboss.logging.Logger;

/**
 * What every step of a transfer shares, the login's ({@link FlowLogin}) and the selection's
 * ({@link TransferFlowResource}): the flow re-read and checked against the browser on each request, where a flow in
 * a given state belongs, and the end of a flow as the receiver's protocol delivers it.
 */
@ApplicationScoped
public class FlowSteps {

    private static final Logger LOG = Logger.getLogger(FlowSteps.class);

    @Inject
    TransferFlowService flows;

    @Inject
    StudentLogins logins;

    @Inject
    NcpConfig config;

    @Inject
    ResultService results;

    @Inject
    FlowResults flowResults;

    @Inject
    PageContext page;

    @Inject
    Credentials credentials;

    /**
     * The common end of every login: a person the register does not know, or who has no results,
     * gets the no-results answer; otherwise the flow moves on with a new browser secret.
     */
    Response loggedIn(EmrexSession session, String method, Optional<Long> learnerId) {
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
        LearnerResults found = flowResults.collect(session.id, learner.get(),
                flows.protocolOf(session).evidenceTypes(session));
        // With an institution unreachable the student is told so on the selection page, not sent back empty-handed.
        if (found.isEmpty() && !found.isPartial()
                && offeredCredentials(session, learnerId.get()).isEmpty()) {
            return finish(session, Outcome.NO_RESULTS, "");
        }
        return Response.seeOther(URI.create("/emrex/flow/" + session.id + "/select"))
                .header("Set-Cookie", FlowCookie.of(session.id, secret.get(), config).encode())
                .build();
    }

    /** The live registers this flow could not read when its results were collected; their last answer is offered. */
    List<String> staleRegisters(EmrexSession session) {
        return flowResults.staleRegisters(session.id);
    }

    LearnerResults resultsOf(EmrexSession session) {
        Learner learner = results.findLearner(session.learnerId)
                .orElseThrow(() -> new IllegalStateException("Learner of flow no longer exists"));
        return flowResults.of(session.id, learner, flows.protocolOf(session).evidenceTypes(session));
    }

    /**
     * The learner's credentials that this flow may carry outside ELMO: licences, authorisations and recognition
     * decisions, when the receiver's evidence types ask for them (EMREX 2.0, and this service's own receiving side
     * over EMREX 1.0; ELMO never holds them).
     */
    List<Credential> offeredCredentials(EmrexSession session, long learnerId) {
        Set<CredentialKind> kinds = EvidenceType.kinds(flows.protocolOf(session).evidenceTypes(session));
        if (kinds.stream().allMatch(CredentialKind::learningResult)) {
            return List.of();
        }
        return credentials.of(learnerId).stream()
                .filter(c -> !c.kind().learningResult() && kinds.contains(c.kind())).toList();
    }

    /** The offered credentials the student ticked, in the order of the page. */
    List<Credential> chosenCredentials(EmrexSession session) {
        Set<String> chosen = session.selectedCredentials();
        return chosen.isEmpty() ? List.of()
                : offeredCredentials(session, session.learnerId).stream().filter(c -> chosen.contains(c.id())).toList();
    }

    /** Closes the flow without results and renders the answer, unless another request closed it first. */
    Response finish(EmrexSession session, Outcome outcome, String message) {
        Optional<Delivery> delivery = flows.close(session, outcome, message, null, null, List.of());
        if (delivery.isEmpty()) {
            return closedPage(flows.find(session.id).orElse(session));
        }
        return answerPage(session, outcome, delivery.get());
    }

    interface FlowStep {
        Response handle(EmrexSession session);
    }

    Response withOpenFlow(String flowId, String browserSecret, FlowStep step) {
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

    Response loginPage(EmrexSession session, String noticeKey, int status) {
        return page(TransferFlowResource.Templates.login(session.id, receiver(session), logins.demoEnabled(), false, "",
                logins.forFlow(session.id), noticeKey), status);
    }

    Response redirectToStep(EmrexSession session) {
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
    Response answerPage(EmrexSession session, Outcome outcome, Delivery delivery) {
        URI target = URI.create(delivery.target());
        String receiver = receiver(session);
        TemplateInstance template;
        if (outcome == Outcome.NO_RESULTS) {
            template = delivery instanceof Delivery.FormPost form ? TransferFlowResource.Templates.noResults(form, null, receiver)
                    : TransferFlowResource.Templates.noResults(null, delivery.target(), receiver);
        } else if (delivery instanceof Delivery.FormPost form) {
            template = TransferFlowResource.Templates.answer(form, receiver);
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

    Response closedPage(EmrexSession session) {
        return page(TransferFlowResource.Templates.closed("closed_" + session.state.name()), 409);
    }

    Response problem(String key, int status) {
        return page(TransferFlowResource.Templates.problem(key, status), status);
    }

    Response page(TemplateInstance template, int status) {
        return page.html(template, status);
    }

    static Response seeOther(String flowId, String step) {
        return Response.seeOther(URI.create("/emrex/flow/" + flowId + "/" + step)).build();
    }

    /** The receiver as the student is shown it on every step: its configured name and the return URL's host. */
    String receiver(EmrexSession session) {
        return flows.protocolOf(session).recipient(session, page.locale());
    }
}
