package org.edurecords.ncp.receiving;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
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

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex.KnownReceivers;
import org.edurecords.ncp.emrex.Receiver;
import org.edurecords.ncp.receiving.profile.Evaluation;
import org.edurecords.ncp.web.LogSafe;
import org.edurecords.ncp.web.PageContext;
import org.edurecords.ncp.web.RateLimited;
import org.edurecords.ncp.web.RateLimits;

/**
 * The case workers' pages: the requests of their receiver, filtered by status and outcome, and one request with its
 * verdicts, its answers and their original documents. Behind the product's OIDC login with a receiver role (or a
 * demo case worker in the demo); the API token of a case system does not open them.
 */
@Path(CaseWorkerResource.PATH)
@Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
public class CaseWorkerResource {

    private static final Logger LOG = Logger.getLogger(CaseWorkerResource.class);
    public static final String PATH = "/case-worker";
    private static final int LIST_SIZE = 200;
    static final List<String> STATUSES = Arrays.stream(RequestStatus.values()).map(RequestStatus::word).toList();
    static final List<String> OUTCOMES = List.of("met", "not_met", "needs_review");

    /** One row of the list; {@code statusKey} and {@code outcomeKey} are the texts of the bundle {@code cw}. */
    public record Row(String id, String caseReference, String statusKey, String outcomeKey, String createdAt,
            int answers) {
    }

    /** One choice of a filter. */
    public record Choice(String value, String key, boolean selected) {
    }

    /** One condition's verdict as the page shows it. */
    public record VerdictRow(String path, String kind, String verdict, String detail, String results) {
    }

    /** One answer as the page shows it. */
    public record AnswerRow(String id, String provider, String receivedAt, String returnCode, Boolean verified,
            String verdict, String learnerMatch, boolean document, boolean pdf, boolean competence) {
    }

    /**
     * One credential received, as the page shows it: kind and status are message keys of the {@code comp} bundle,
     * the title in the reader's language.
     */
    public record CredentialRow(String id, String kindKey, String title, String issuer, String issuedOn,
            String statusKey, String statusSince, String validTo) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance login(boolean demo, boolean oidc, String oidcName, String problem,
                String username);

        static native TemplateInstance list(String receiver, List<Row> rows, List<Choice> statuses,
                List<Choice> outcomes);

        static native TemplateInstance request(String receiver, ReceiverRequest request, String statusKey,
                String outcomeKey, List<VerdictRow> verdicts, List<String> reviewReasons, List<AnswerRow> answers,
                List<CredentialRow> credentials);

        /** A request id that is unknown or of another receiver: the case workers' own page, with the way back. */
        static native TemplateInstance unknown(String receiver);
    }

    @Inject
    CaseWorkerSessions sessions;

    @Inject
    ReceiverRequests requests;

    @Inject
    KnownReceivers receivers;

    @Inject
    ReceivingJson json;

    @Inject
    NcpConfig config;

    @Inject
    PageContext page;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    OidcSession oidcSession;

    @GET
    public Response list(@CookieParam(CaseWorkerSessions.COOKIE) String token, @QueryParam("status") String status,
            @QueryParam("outcome") String outcome) {
        Optional<CaseWorkerSession> session = sessions.current(token);
        if (session.isEmpty()) {
            return toLogin();
        }
        String s = status != null && STATUSES.contains(status) ? status : null;
        String o = outcome != null && OUTCOMES.contains(outcome) ? outcome : null;
        List<Row> rows = requests.list(session.get().receiverId, s, o, LIST_SIZE).stream()
                .map(r -> new Row(r.id, r.caseReference, "cw_status_" + r.status,
                        r.outcome == null ? null : "cw_outcome_" + r.outcome, org.edurecords.ncp.web.Formats
                        .dateTime(r.createdAt, config.timeZone(), page.locale()), requests.answers(r.id).size()))
                .toList();
        List<Choice> statuses = STATUSES.stream().map(v -> new Choice(v, "cw_status_" + v, v.equals(s))).toList();
        List<Choice> outcomes = OUTCOMES.stream().map(v -> new Choice(v, "cw_outcome_" + v, v.equals(o))).toList();
        return page.html(Templates.list(receiverName(session.get()), rows, statuses, outcomes), 200);
    }

    @GET
    @Path("requests/{id}")
    public Response request(@CookieParam(CaseWorkerSessions.COOKIE) String token, @PathParam("id") String id) {
        Optional<CaseWorkerSession> session = sessions.current(token);
        if (session.isEmpty()) {
            return toLogin();
        }
        Optional<ReceiverRequest> found = requests.find(id).filter(r -> r.receiverId.equals(session.get().receiverId));
        if (found.isEmpty()) {
            // The same answer for an id of another receiver as for none at all: nothing tells them apart.
            LOG.warnf("Case worker of receiver %s asked for a request that is not theirs or does not exist",
                    LogSafe.of(session.get().receiverId));
            return page.html(Templates.unknown(receiverName(session.get())), 404);
        }
        ReceiverRequest request = found.get();
        List<VerdictRow> verdicts = new ArrayList<>();
        List<String> reasons = List.of();
        if (request.evaluation != null) {
            Evaluation evaluation = json.read(request.evaluation, Evaluation.class);
            for (Evaluation.ConditionVerdict v : evaluation.verdicts()) {
                verdicts.add(new VerdictRow(v.path(), v.kind(), json.read(json.write(v.verdict())).asText(),
                        v.detail(), String.join(", ", v.resultIds())));
            }
            reasons = evaluation.reviewReasons();
        }
        List<AnswerRow> answers = requests.answers(request.id).stream()
                .map(a -> new AnswerRow(a.id, a.provider, a.receivedAt == null ? null : org.edurecords.ncp.web.Formats
                        .dateTime(a.receivedAt, config.timeZone(), page.locale()), a.returnCode, a.verified, a.verdict,
                        a.learnerMatch, a.document != null, a.pdf != null, a.competence != null))
                .toList();
        return page.html(Templates.request(receiverName(session.get()), request, "cw_status_" + request.status,
                request.outcome == null ? null : "cw_outcome_" + request.outcome, verdicts, reasons, answers,
                credentials(request)), 200);
    }

    /** The credentials of the request's verified answers, as the normalised results list them. */
    private List<CredentialRow> credentials(ReceiverRequest request) {
        if (request.results == null) {
            return List.of();
        }
        ReceivedResults results = json.read(request.results, ReceivedResults.class);
        return results.credentials().stream().map(c -> new CredentialRow(c.id(),
                "comp_kind_" + String.valueOf(c.kind()).replace('-', '_'),
                org.edurecords.ncp.results.LocalizedText.fromMap(c.titles()).in(page.locale()),
                c.issuer() == null ? "" : c.issuer().name(), c.issuedOn(),
                c.status() == null ? null : "comp_status_" + c.status(), c.statusSince(), c.validTo())).toList();
    }

    @GET
    @Path("requests/{id}/answers/{answer}/document")
    @Produces(MediaType.APPLICATION_XML)
    public Response document(@CookieParam(CaseWorkerSessions.COOKIE) String token, @PathParam("id") String id,
            @PathParam("answer") String answerId) {
        return answer(token, id, answerId).filter(a -> a.document != null)
                .map(a -> AnswerFiles.document(a, config.verify().maxDocumentBytes()))
                .orElseGet(CaseWorkerResource::notFound);
    }

    @GET
    @Path("requests/{id}/answers/{answer}/pdf")
    @Produces("application/pdf")
    public Response pdf(@CookieParam(CaseWorkerSessions.COOKIE) String token, @PathParam("id") String id,
            @PathParam("answer") String answerId) {
        return answer(token, id, answerId).filter(a -> a.pdf != null).map(AnswerFiles::pdf)
                .orElseGet(CaseWorkerResource::notFound);
    }

    @GET
    @Path("requests/{id}/answers/{answer}/competence")
    @Produces(MediaType.APPLICATION_JSON)
    public Response competence(@CookieParam(CaseWorkerSessions.COOKIE) String token, @PathParam("id") String id,
            @PathParam("answer") String answerId) {
        return answer(token, id, answerId).filter(a -> a.competence != null).map(AnswerFiles::competence)
                .orElseGet(CaseWorkerResource::notFound);
    }

    private static Response notFound() {
        return Response.status(404).type(MediaType.TEXT_PLAIN_TYPE).entity("Not found").build();
    }

    @GET
    @Path("login")
    public Response loginPage() {
        return loginPage(null, "", 200);
    }

    @POST
    @Path("login/demo")
    @RateLimited(RateLimits.Limit.LOGIN)
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response demoLogin(@FormParam("username") String username, @FormParam("password") String password) {
        if (!config.demo().loginEnabled()) {
            return loginPage("cw_login_unavailable", "", 403);
        }
        Optional<Receiver> receiver = sessions.demo(username, password);
        if (receiver.isEmpty()) {
            LOG.info("Case worker demo login refused");
            return loginPage("cw_login_wrong", username == null ? "" : username, 401);
        }
        return started(sessions.start(receiver.get(), username, "demo"));
    }

    /** Protected by quarkus-oidc: the ID token is read once, its role names the receiver, its session ends. */
    @GET
    @Path("login/oidc")
    @Authenticated
    public Response oidcLogin() {
        if (!config.auth().oidc().enabled()) {
            return loginPage("cw_login_unavailable", "", 404);
        }
        List<Receiver> found;
        String name;
        try {
            found = sessions.receiversOf(roles(idToken.getClaim(config.receiving().caseWorker().rolesClaim())));
            name = idToken.getName();
        } finally {
            try {
                oidcSession.logout().await().indefinitely();
            } catch (RuntimeException e) {
                LOG.warn("Could not remove the OIDC session cookie", e);
            }
        }
        if (found.isEmpty()) {
            LOG.info("Case worker OIDC login refused: no receiver role");
            return loginPage("cw_login_no_role", "", 403);
        }
        return started(sessions.start(found.get(0), name, "oidc"));
    }

    @POST
    @Path("logout")
    public Response logout(@CookieParam(CaseWorkerSessions.COOKIE) String token) {
        sessions.end(token);
        return Response.seeOther(URI.create(PATH + "/login")).cookie(sessions.expiredCookie()).build();
    }

    private Response started(String token) {
        return Response.seeOther(URI.create(PATH)).cookie(sessions.cookie(token)).header("Cache-Control", "no-store")
                .build();
    }

    private Response loginPage(String problem, String username, int status) {
        return page.html(Templates.login(config.demo().loginEnabled()
                && !config.receiving().caseWorker().demoAccounts().isEmpty(), config.auth().oidc().enabled(),
                config.auth().oidc().displayName(), problem, username), status);
    }

    private static Response toLogin() {
        return Response.seeOther(URI.create(PATH + "/login")).header("Cache-Control", "no-store").build();
    }

    private Optional<ReceiverAnswer> answer(String token, String id, String answerId) {
        return sessions.current(token).flatMap(s -> requests.find(id).filter(r -> r.receiverId.equals(s.receiverId)))
                .flatMap(r -> Optional.ofNullable(ReceiverAnswer.<ReceiverAnswer>findById(answerId))
                        .filter(a -> a.requestId.equals(r.id)));
    }

    private String receiverName(CaseWorkerSession session) {
        return receivers.byId(session.receiverId).map(r -> r.name(page.locale())).orElse(session.receiverId);
    }

    /** A roles claim as providers send it: a JSON array, a list, or words separated by spaces or commas. */
    static Collection<String> roles(Object claim) {
        if (claim == null) {
            return Set.of();
        }
        List<String> out = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            array.forEach(v -> out.add(v instanceof JsonString s ? s.getString() : v.toString()));
        } else if (claim instanceof Collection<?> list) {
            list.forEach(v -> out.add(String.valueOf(v)));
        } else {
            String text = claim instanceof JsonString s ? s.getString() : claim.toString();
            out.addAll(Arrays.asList(text.split("[\\s,]+")));
        }
        return out;
    }
}
