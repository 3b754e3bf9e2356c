package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.ledger.DisclosureEvent;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/**
 * The owner's side: the entry point, select, preview and create with their checks, the link and code shown
 * once, the list with views, deactivation, and that nobody else sees or deactivates a learner's links.
 */
@QuarkusTest
class SharingResourceTest {

    @Inject
    DisclosureLedger ledger;

    @Inject
    MeterRegistry metrics;

    @Test
    void portalOffersSharingAndOwnerPagesNeedALogin() {
        FlowClient owner = ShareSteps.owner("anna");
        Document results = FlowClient.html(owner.get("/my-results"));
        assertEquals("/my-results/share", results.getElementById("share-link").attr("href"));
        assertEquals("/my-results/links", results.getElementById("my-links").attr("href"));

        FlowClient anonymous = new FlowClient();
        for (String path : List.of("/my-results/share", "/my-results/links")) {
            Response refused = anonymous.get(path);
            assertEquals(303, refused.statusCode(), path);
            assertTrue(refused.header("Location").endsWith("/my-results"), path);
        }
        anonymous.get("/my-results");
        assertEquals(303, anonymous.post("/my-results/share/preview", Map.of("lo", "1")).statusCode());
    }

    @Test
    void createShowsTheLinkAndCodeOnceAndRecordsTheResults() {
        FlowClient owner = ShareSteps.owner("anna");
        Document select = FlowClient.html(owner.get("/my-results/share"));
        assertFalse(select.select("input[name=lo]").isEmpty());
        Response nothing = owner.post("/my-results/share/preview", Map.of("lo", List.of()));
        assertEquals(422, nothing.statusCode());
        assertNotNull(FlowClient.html(nothing).getElementById("nothing-selected"));

        Response preview = ShareSteps.preview(owner, 2);
        assertEquals(200, preview.statusCode());
        Document previewPage = FlowClient.html(preview);
        assertEquals(List.of("1", "7", "30", "90", "180", "365"), previewPage.select("input[name=validityDays]").eachAttr("value"));
        assertEquals("30", previewPage.selectFirst("input[name=validityDays][checked]").attr("value"));

        Map<String, Object> form = ShareSteps.createForm(previewPage, "90", "en", "  Job application X  ");
        Response created = owner.post("/my-results/share/create", form);
        assertEquals(200, created.statusCode());
        assertEquals("no-store", created.header("Cache-Control"));
        Document page = FlowClient.html(created);
        String url = page.getElementById("share-url").text();
        String code = page.getElementById("share-code").text();
        assertEquals("Job application X", page.getElementById("share-label").text());
        String linkId = url.substring(url.lastIndexOf('/') + 1);

        ShareLink stored = QuarkusTransaction.requiringNew().call(() -> ShareLink.findById(linkId));
        assertFalse(stored.codeHash.contains(code) || stored.codeHash.contains(code.replace("-", "")),
                "only a hash of the code is stored");
        assertTrue(stored.codeHash.startsWith("pbkdf2-sha256$"));
        assertEquals(90L, java.time.Duration.between(stored.createdAt, stored.expiresAt).toDays());

        // The same form again (reload, double click): no second link, and the code is not shown again.
        Response again = owner.post("/my-results/share/create", form);
        assertEquals(409, again.statusCode());
        assertNotNull(FlowClient.html(again).getElementById("already-created"));
        assertFalse(again.asString().contains(code));
        Document list = FlowClient.html(owner.get("/my-results/links"));
        assertFalse(list.text().contains(code), "the list never shows the code");
        assertFalse(list.outerHtml().contains(url), "nor the link");

        List<DisclosureEvent> events = ShareSteps.ledger(ledger, linkId);
        assertEquals(1, events.size());
        assertEquals(DisclosureKind.LINK_CREATED, events.get(0).kind);
        assertEquals("Job application X", events.get(0).label);
        assertEquals(stored.documentId, events.get(0).documentId);
        // The titles as the preview shows them, without the statement of a partly selected degree.
        assertEquals(previewPage.select("td.title").stream().map(td -> td.ownText().strip()).toList(),
                ledger.resultsOf(events.get(0)).stream().map(r -> r.title()).toList());
    }

    /** Every answer of every source so far, as the service times them. */
    private long sourceAnswers() {
        return metrics.find("ncp.source.latency").timers().stream().mapToLong(t -> t.count()).sum();
    }

    @Test
    void theSourcesAreAskedOncePerSelectionNotAgainForThePreviewAndTheLink() {
        FlowClient owner = ShareSteps.owner("anna");
        long before = sourceAnswers();
        Document select = FlowClient.html(owner.get("/my-results/share"));
        long perSelection = sourceAnswers() - before;
        assertTrue(perSelection > 0, "the selection page asks anna's sources");

        List<String> ids = select.select("input[name=lo]").eachAttr("value").subList(0, 2);
        Response preview = owner.post("/my-results/share/preview", Map.of("lo", ids));
        assertEquals(200, preview.statusCode());
        Response created = owner.post("/my-results/share/create",
                ShareSteps.createForm(FlowClient.html(preview), "30", "en", "once"));
        assertEquals(200, created.statusCode());
        assertNotNull(FlowClient.html(created).getElementById("share-code"));
        assertEquals(perSelection, sourceAnswers() - before, "preview and creation use what the selection showed");

        // Opening the selection again asks again: a new selection starts from the sources' answers of now.
        owner.get("/my-results/share");
        assertEquals(2 * perSelection, sourceAnswers() - before);
        // Another session of the same owner has its own selection.
        FlowClient.html(ShareSteps.owner("anna").get("/my-results/share"));
        assertEquals(3 * perSelection, sourceAnswers() - before);
    }

    @Test
    void failedResultsAreOfferedOnlyOnRequestAsInTheEmrexSelection() {
        FlowClient owner = ShareSteps.owner("anna");
        Document passed = FlowClient.html(owner.get("/my-results/share"));
        // Showing failed results is a button of the selection form, so that the ticks travel with it.
        assertNotNull(passed.selectFirst("form.selection button[name=view][value=all]"));
        assertEquals("/my-results/share/preview", passed.selectFirst("form.selection").attr("action"));
        Document all = FlowClient.html(owner.post("/my-results/share/preview", Map.of("view", "all")));
        assertTrue(all.select("input[name=lo]").size() > passed.select("input[name=lo]").size());
        assertNotNull(all.selectFirst("form.selection input[name=showAll][value=true]"));

        // The EMREX selection uses the same form, with its own addresses.
        org.edurecords.ncp.support.DemoFlow flow = new org.edurecords.ncp.support.DemoFlow("share-form-" + System.nanoTime(),
                "https://client.example.org/return").start();
        flow.login("anna", "demo");
        Document emrex = FlowClient.html(flow.selectionPage());
        assertNotNull(emrex.selectFirst("form.selection button[name=view][value=all]"));
        assertEquals(flow.flowPath + "/select", emrex.selectFirst("form.selection").attr("action"));
    }

    @Test
    void badSettingsShowThePreviewAgainWithTheReason() {
        FlowClient owner = ShareSteps.owner("anna");
        Document preview = FlowClient.html(ShareSteps.preview(owner, 1));
        for (Map.Entry<String, String> bad : Map.of("validityDays", "400", "language", "de", "label", "x".repeat(101))
                .entrySet()) {
            Map<String, Object> form = ShareSteps.createForm(preview, "30", "en", "");
            form.put(bad.getKey(), bad.getValue());
            Response refused = owner.post("/my-results/share/create", form);
            assertEquals(422, refused.statusCode(), bad.getKey());
            assertNotNull(FlowClient.html(refused).getElementById("settings-problem"), bad.getKey());
        }
        Map<String, Object> tampered = ShareSteps.createForm(preview, "30", "en", "");
        tampered.put("previewHash", "0".repeat(64));
        Response changed = owner.post("/my-results/share/create", tampered);
        assertEquals(409, changed.statusCode());
        assertNotNull(FlowClient.html(changed).getElementById("results-changed"), "the owner checks the preview again");
    }

    @Test
    void listShowsEveryViewAndDeactivationTakesEffectAtOnce() {
        FlowClient owner = ShareSteps.owner("anna");
        ShareSteps.Link link = ShareSteps.create(owner, 1, "7", "en", "Two views");
        FlowClient first = ShareSteps.opened(link);
        ShareSteps.opened(link);

        Element row = row(FlowClient.html(owner.get("/my-results/links")), link.id());
        assertEquals("Two views", row.selectFirst("td.label").text());
        assertEquals("Active", row.selectFirst("td.status").text());
        assertEquals("2", row.selectFirst(".view-count").text());
        assertEquals(2, row.select("ul.view-times li").size());

        // Another learner neither sees nor deactivates it.
        FlowClient other = ShareSteps.owner("carla");
        assertNull(FlowClient.html(other.get("/my-results/links")).selectFirst("tr[data-link=" + link.id() + "]"));
        Response foreign = other.post("/my-results/links/" + link.id() + "/deactivate", Map.of());
        assertEquals(404, foreign.statusCode());
        assertEquals(200, first.get(link.path()).statusCode(), "still active after the refused attempt");

        owner.get("/my-results/links");
        Response deactivated = owner.post("/my-results/links/" + link.id() + "/deactivate", Map.of());
        assertEquals(303, deactivated.statusCode());
        Document list = FlowClient.html(owner.get(deactivated.header("Location").replaceFirst("^https?://[^/]+", "")));
        assertNotNull(list.getElementById("deactivated"));
        Element after = row(list, link.id());
        assertEquals("Deactivated", after.selectFirst("td.status").text());
        assertNull(after.selectFirst("form.deactivate"), "nothing left to deactivate");

        for (Response gone : List.of(first.get(link.path()), first.get(link.path() + "/elmo"), new FlowClient().get(link.path()))) {
            assertEquals(410, gone.statusCode());
            assertEquals("share_recipient_deactivated", FlowClient.html(gone).getElementById("unavailable").attr("data-reason"));
        }
        // Twice is harmless and recorded once.
        owner.post("/my-results/links/" + link.id() + "/deactivate", Map.of());
        assertEquals(List.of(DisclosureKind.LINK_DEACTIVATED, DisclosureKind.LINK_VIEWED, DisclosureKind.LINK_VIEWED,
                DisclosureKind.LINK_CREATED), ShareSteps.ledger(ledger, link.id()).stream().map(e -> e.kind).toList());
        assertEquals(404, owner.post("/my-results/links/" + "C".repeat(32) + "/deactivate", Map.of()).statusCode());
    }

    private static Element row(Document list, String linkId) {
        Element row = list.selectFirst("tr[data-link=" + linkId + "]");
        assertNotNull(row, "the owner's list shows the link");
        return row;
    }
}
