package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.Response;
import org.edurecords.ncp.ledger.DisclosureEvent;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;

/** The owner's and the recipient's steps over HTTP, as their browsers make them, for the sharing tests. */
final class ShareSteps {

    private ShareSteps() {
    }

    /** A link as its owner got it: the path of the absolute URL and the code shown once. */
    record Link(String url, String path, String id, String code, List<String> previewTitles) {
    }

    static FlowClient owner(String username) {
        return owner(username, new FlowClient());
    }

    /** The owner logged in with this browser (e.g. one at an address of its own, {@link FlowClient#from}). */
    static FlowClient owner(String username, FlowClient browser) {
        return browser.portalLogin(username);
    }

    /** The preview of the first {@code count} offered results. */
    static Response preview(FlowClient owner, int count) {
        Document select = FlowClient.html(owner.get("/my-results/share"));
        List<String> ids = select.select("input[name=lo]").eachAttr("value").subList(0, count);
        return owner.post("/my-results/share/preview", Map.of("lo", ids));
    }

    /** A link of every credential the owner has (and no results), made through the share pages. */
    static Link createOfCredentials(FlowClient owner, String validityDays, String language) {
        Document select = FlowClient.html(owner.get("/my-results/share"));
        List<String> offered = select.select("#credential-choices input[name=credential]").eachAttr("value");
        Document preview = FlowClient.html(owner.post("/my-results/share/preview", Map.of("credential", offered)));
        Map<String, Object> form = createForm(preview, validityDays, language, "");
        form.put("credential", preview.select("form[action$=/create] input[name=credential]").eachAttr("value"));
        return created(owner.post("/my-results/share/create", form), List.of());
    }

    /** The create form's fields as the preview page fills them, with the owner's choices on top. */
    static Map<String, Object> createForm(Document preview, String validityDays, String language, String label) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("lo", preview.select("form[action$=/create] input[name=lo]").eachAttr("value"));
        form.put("previewHash", preview.selectFirst("input[name=previewHash]").attr("value"));
        form.put("requestId", preview.selectFirst("input[name=requestId]").attr("value"));
        form.put("validityDays", validityDays);
        form.put("language", language);
        form.put("label", label);
        return form;
    }

    /** The link the created page shows; {@code previewTitles} as given. */
    static Link created(Response created, List<String> previewTitles) {
        assertEquals(200, created.statusCode(), created.asString());
        Document page = FlowClient.html(created);
        String url = page.getElementById("share-url").text();
        String path = URI.create(url).getPath();
        return new Link(url, path, path.substring(path.lastIndexOf('/') + 1), page.getElementById("share-code").text(),
                previewTitles);
    }

    static Link create(FlowClient owner, int count, String validityDays, String language, String label) {
        Response preview = preview(owner, count);
        assertEquals(200, preview.statusCode(), preview.asString());
        Document previewPage = FlowClient.html(preview);
        return created(owner.post("/my-results/share/create", createForm(previewPage, validityDays, language, label)),
                previewPage.select("td.title").eachText());
    }

    /** A new recipient's browser that has entered the code; asserts the redirect to the results. */
    static FlowClient opened(Link link) {
        return opened(link, new FlowClient());
    }

    /** This recipient's browser after entering the code; asserts the redirect to the results. */
    static FlowClient opened(Link link, FlowClient recipient) {
        assertEquals(200, recipient.get(link.path()).statusCode());
        Response entered = recipient.post(link.path(), Map.of("code", link.code()));
        assertEquals(303, entered.statusCode(), entered.asString());
        assertNotNull(recipient.cookie("ncp-share"), "the right code gives the browser a grant");
        return recipient;
    }

    static List<DisclosureEvent> ledger(DisclosureLedger ledger, String linkId) {
        long learner = QuarkusTransaction.requiringNew().call(() -> ShareLink.<ShareLink>findById(linkId).learnerId);
        return ledger.forLearner(learner).stream().filter(e -> linkId.equals(e.shareLinkId)).toList();
    }

    static List<DisclosureKind> kinds(DisclosureLedger ledger, String linkId) {
        // forLearner is newest first; the tests read the story from its beginning.
        List<DisclosureKind> kinds = new java.util.ArrayList<>(ledger(ledger, linkId).stream().map(e -> e.kind).toList());
        java.util.Collections.reverse(kinds);
        return kinds;
    }

    /** A clock the test moves forward, installed as the application's clock for the current test only. */
    static MovableClock installClock() {
        MovableClock clock = new MovableClock();
        io.quarkus.test.junit.QuarkusMock.installMockForType(clock, Clock.class);
        return clock;
    }

    /** The application's clock, moved forward by the tests (installed with QuarkusMock for one test). */
    static final class MovableClock extends Clock {

        private volatile Duration offset = Duration.ZERO;

        void advance(Duration by) {
            offset = offset.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
