package org.edurecords.ncp.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.edurecords.ncp.auth.PortalSessions;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.results.Learner;
import org.edurecords.ncp.results.ResultService;
import org.edurecords.ncp.web.Formats;
import org.edurecords.ncp.web.PageContext;
import org.jboss.logging.Logger;

/**
 * The owner's view of the disclosure ledger in the portal, and its export for a data-access request.
 * Only a logged-in owner reaches it; anyone else is sent to the portal's login.
 */
@Path("/my-results/ledger")
public class LedgerResource {

    private static final Logger LOG = Logger.getLogger(LedgerResource.class);
    private static final DateTimeFormatter FILE_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ledger(Learner learner, List<LedgerEntry> entries);
    }

    @Inject
    PortalSessions sessions;

    @Inject
    ResultService results;

    @Inject
    DisclosureLedger ledger;

    @Inject
    LedgerExport export;

    @Inject
    PageContext page;

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @GET
    @Produces(MediaType.TEXT_HTML + ";charset=UTF-8")
    public Response view(@CookieParam(PortalSessions.COOKIE) String token) {
        Optional<Learner> owner = owner(token);
        if (owner.isEmpty()) {
            return PortalSessions.toLogin();
        }
        List<LedgerEntry> entries = ledger.forLearner(owner.get().id()).stream().map(this::entry).toList();
        return page.html(Templates.ledger(owner.get(), entries), 200);
    }

    @GET
    @Path("export.json")
    public Response exportJson(@CookieParam(PortalSessions.COOKIE) String token) {
        Optional<Learner> owner = owner(token);
        if (owner.isEmpty()) {
            return PortalSessions.toLogin();
        }
        byte[] body = export.json(owner.get(), ledger.forLearner(owner.get().id()), clock.instant());
        LOG.info("Ledger exported as JSON by its owner");
        return download(body, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"), "json").build();
    }

    @GET
    @Path("export.csv")
    public Response exportCsv(@CookieParam(PortalSessions.COOKIE) String token) {
        Optional<Learner> owner = owner(token);
        if (owner.isEmpty()) {
            return PortalSessions.toLogin();
        }
        // A byte order mark lets spreadsheet programs read the UTF-8 names (æ, ø, å) correctly.
        String body = "\uFEFF" + export.csv(ledger.forLearner(owner.get().id()), page.locale(), config.timeZone());
        LOG.info("Ledger exported as CSV by its owner");
        return download(body.getBytes(StandardCharsets.UTF_8), new MediaType("text", "csv", "UTF-8"), "csv")
                .header("Content-Language", page.locale().toLanguageTag()).build();
    }

    private Optional<Learner> owner(String token) {
        return sessions.learnerOf(token).flatMap(results::findLearner);
    }

    private Response.ResponseBuilder download(byte[] body, MediaType type, String extension) {
        String name = "disclosure-ledger-" + FILE_DATE.format(clock.instant().atZone(config.timeZone())) + "."
                + extension;
        return Response.ok(body, type)
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("Cache-Control", "no-store");
    }

    private LedgerEntry entry(DisclosureEvent event) {
        return new LedgerEntry(Formats.dateTime(event.occurredAt, config.timeZone(), page.locale()),
                event.occurredAt.toString(), event.kind.messageKey(), outcomeKey(event.returnCode), event.recipient,
                event.label, event.shareLinkId, event.documentId, ledger.resultsOf(event));
    }

    /** NCP_OK and EMP_OK alike: the family prefix does not matter to the owner. */
    private static String outcomeKey(String returnCode) {
        if (returnCode == null) {
            return null;
        }
        String outcome = returnCode.substring(returnCode.indexOf('_') + 1);
        return switch (outcome) {
            case "OK", "CANCEL", "ERROR", "NO_RESULTS" -> "ledger_outcome_" + outcome;
            default -> "ledger_outcome_OTHER";
        };
    }
}
