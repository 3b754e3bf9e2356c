package org.edurecords.ncp.sharing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.edurecords.ncp.ledger.DisclosureEvent;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The recipient's side: the code form, the right and wrong codes, the lock and its end, expiry, the pages in
 * the link's language, the signed downloads, the headers, and the snapshot that later changes do not touch.
 */
@QuarkusTest
class RecipientResourceTest {

    @Inject
    DisclosureLedger ledger;

    @Inject
    EntityManager em;

    ShareSteps.MovableClock clock;

    @BeforeEach
    void controllableClock() {
        clock = ShareSteps.installClock();
    }

    @Test
    void rightCodeShowsTheResultsInTheLinksLanguageWithSignedDownloads() {
        ShareSteps.Link link = ShareSteps.create(ShareSteps.owner("anna"), 3, "30", "nb", "Jobbsøknad X");
        assertTrue(link.url().startsWith("http://localhost:" + io.restassured.RestAssured.port + "/s/"),
                "the absolute link uses ncp.public-url (in the demo with the port it listens on): " + link.url());
        assertEquals(32, link.id().length(), "192 random bits, URL-safe");
        assertTrue(link.code().matches("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}"), link.code());

        FlowClient recipient = new FlowClient();
        Response form = recipient.get(link.path());
        assertEquals(200, form.statusCode());
        assertRecipientHeaders(form);
        assertEquals("nb", FlowClient.html(form).selectFirst("html").attr("lang"), "the owner chose bokmål");

        // Downloads before the code lead to the code form, and give nothing away.
        Response early = recipient.get(link.path() + "/elmo");
        assertEquals(303, early.statusCode());
        assertTrue(early.header("Location").endsWith(link.path()));

        // Case, spaces and hyphens do not matter.
        Response entered = recipient.post(link.path(), Map.of("code", " " + link.code().toLowerCase().replace("-", " ") + " "));
        assertEquals(303, entered.statusCode(), entered.asString());
        io.restassured.http.Cookie grant = entered.getDetailedCookie("ncp-share");
        assertEquals("/s/" + link.id(), grant.getPath(), "the grant is scoped to this link");
        assertTrue(grant.isHttpOnly());

        Response results = recipient.get(link.path());
        assertEquals(200, results.statusCode());
        assertRecipientHeaders(results);
        Document page = FlowClient.html(results);
        assertEquals("nb", page.selectFirst("html").attr("lang"));
        assertEquals("Delte resultater", page.selectFirst("h1").text());
        assertEquals(link.previewTitles().size(), page.select("td.title").size(), "exactly what the owner previewed");
        assertTrue(page.select("td.title").eachText().contains("Algoritmer og datastrukturer"), "in bokmål");
        assertNull(page.selectFirst("a.lang"), "the recipient's language is the owner's choice");
        assertNotNull(page.getElementById("how-to-verify"));
        assertTrue(page.getElementById("how-to-verify").text().contains("/api/verify"));

        Response elmo = recipient.get(link.path() + "/elmo");
        assertEquals(200, elmo.statusCode());
        assertRecipientHeaders(elmo);
        assertTrue(elmo.contentType().startsWith("application/xml"), elmo.contentType());
        assertTrue(elmo.header("Content-Disposition").startsWith("attachment; filename=\"elmo-"));
        org.w3c.dom.Document xml = ElmoChecks.parse(elmo.asByteArray());
        ElmoChecks.assertValid(xml);
        assertTrue(ElmoChecks.verify(xml).valid(), "the downloaded ELMO verifies with the NCP certificate");

        Response pdf = recipient.get(link.path() + "/pdf");
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.contentType());
        assertTrue(pdf.header("Content-Disposition").startsWith("attachment; filename=\"transcript-"));
        String pdfText = new String(pdf.asByteArray(), StandardCharsets.ISO_8859_1);
        assertTrue(pdfText.startsWith("%PDF-"));
        assertTrue(pdfText.contains("/ByteRange"), "the PDF carries its own signature");
        assertArrayEquals(pdf.asByteArray(), RecipientResource.transcriptOf(new String(elmo.asByteArray(),
                StandardCharsets.UTF_8)), "the PDF is the one inside the signed ELMO");

        // Another browser without the code gets nothing, even with the link.
        FlowClient stranger = new FlowClient();
        assertEquals(303, stranger.get(link.path() + "/pdf").statusCode());

        List<DisclosureKind> kinds = ShareSteps.kinds(ledger, link.id());
        assertEquals(List.of(DisclosureKind.LINK_CREATED, DisclosureKind.LINK_VIEWED), kinds);
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("/s/{linkId}"), "requests are counted per route");
        assertFalse(metrics.contains(link.id()), "the link's id never reaches the metrics");
        List<DisclosureEvent> events = ShareSteps.ledger(ledger, link.id());
        DisclosureEvent viewed = events.get(0);
        assertEquals("Jobbsøknad X", viewed.label);
        assertFalse(ledger.resultsOf(viewed).isEmpty());
        assertEquals(ledger.resultsOf(events.get(1)), ledger.resultsOf(viewed), "the view records what was shared");
    }

    @Test
    void tenWrongCodesFromOneNetworkMakeItWaitUntilTheWindowHasMovedOn() {
        ShareSteps.Link link = ShareSteps.create(ShareSteps.owner("anna"), 1, "7", "en", "");
        FlowClient recipient = new FlowClient();
        recipient.get(link.path());
        String wrong = link.code().startsWith("2") ? "3" + link.code().substring(1) : "2" + link.code().substring(1);
        for (int i = 1; i <= 9; i++) {
            Response refused = recipient.post(link.path(), Map.of("code", i % 3 == 0 ? "nonsense" : wrong));
            assertEquals(422, refused.statusCode());
            assertRecipientHeaders(refused);
            assertTrue(FlowClient.html(refused).getElementById("wrong-code").text().endsWith(": " + (10 - i) + "."),
                    FlowClient.html(refused).getElementById("wrong-code").text());
            clock.advance(Duration.ofMinutes(1));
        }
        Response waiting = recipient.post(link.path(), Map.of("code", wrong));
        assertEquals(429, waiting.statusCode());
        assertRecipientHeaders(waiting);
        // The first wrong code was 9 minutes ago: the network may try again 51 minutes from now.
        long retryAfter = Long.parseLong(waiting.header("Retry-After"));
        assertTrue(retryAfter > 50 * 60 && retryAfter <= 51 * 60, "Retry-After " + retryAfter);
        assertEquals("share_recipient_wait", FlowClient.html(waiting).getElementById("unavailable").attr("data-reason"));
        assertTrue(FlowClient.html(waiting).getElementById("unavailable").text().contains("from your network"));
        assertTrue(FlowClient.html(waiting).getElementById("unavailable").text().contains("Try again after"));

        // Even the right code is refused while this network waits, and nothing is counted or shown.
        assertEquals(429, recipient.post(link.path(), Map.of("code", link.code())).statusCode());
        assertEquals(429, recipient.get(link.path()).statusCode());

        clock.advance(Duration.ofMinutes(50));
        assertEquals(429, recipient.get(link.path()).statusCode(), "still within the hour of the first attempt");
        clock.advance(Duration.ofMinutes(2));
        assertEquals(200, recipient.get(link.path()).statusCode());
        assertEquals(303, recipient.post(link.path(), Map.of("code", link.code())).statusCode());
        assertEquals(200, recipient.get(link.path()).statusCode());

        // One network waiting does not lock the link: the ledger has no lock.
        assertEquals(List.of(DisclosureKind.LINK_CREATED, DisclosureKind.LINK_VIEWED), ShareSteps.kinds(ledger, link.id()));
    }

    @Test
    void expiredLinkShowsAClearPageAndNothingElse() {
        ShareSteps.Link link = ShareSteps.create(ShareSteps.owner("anna"), 1, "1", "en", "Short");
        FlowClient recipient = ShareSteps.opened(link);
        assertEquals(200, recipient.get(link.path() + "/elmo").statusCode());

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        for (Response gone : List.of(recipient.get(link.path()), recipient.get(link.path() + "/elmo"),
                recipient.get(link.path() + "/pdf"), new FlowClient().get(link.path()))) {
            assertEquals(410, gone.statusCode());
            assertRecipientHeaders(gone);
            assertEquals("share_recipient_expired", FlowClient.html(gone).getElementById("unavailable").attr("data-reason"));
            assertTrue(FlowClient.html(gone).select("td.title").isEmpty(), "no result is shown");
        }
        FlowClient late = new FlowClient();
        late.get("/my-results"); // a page with a form, for the CSRF token the expired link's page does not offer
        assertEquals(410, late.post(link.path(), Map.of("code", link.code())).statusCode());
    }

    @Test
    void unknownAndMalformedLinksAreNotFound() {
        for (String path : List.of("/s/" + "A".repeat(32), "/s/short", "/s/" + "A".repeat(32) + "/pdf")) {
            Response unknown = given().redirects().follow(false).get(path);
            assertEquals(404, unknown.statusCode(), path);
            assertEquals("noindex, nofollow", unknown.header("X-Robots-Tag"), path);
            assertEquals("no-store", unknown.header("Cache-Control"), path);
        }
        FlowClient recipient = new FlowClient();
        recipient.get("/my-results");
        assertEquals(404, recipient.post("/s/" + "B".repeat(32), Map.of("code", "AAAA-BBBB-CCCC")).statusCode());
    }

    @Test
    void theCodeFormNeedsTheCsrfToken() {
        ShareSteps.Link link = ShareSteps.create(ShareSteps.owner("anna"), 1, "7", "en", "");
        Response forged = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("code", link.code()).post(link.path());
        assertEquals(400, forged.statusCode());
        assertRecipientHeaders(forged);
        assertTrue(ShareSteps.kinds(ledger, link.id()).equals(List.of(DisclosureKind.LINK_CREATED)), "nothing was viewed");
    }

    @Test
    void whatTheLinkShowsDoesNotChangeWhenTheResultsDo() {
        FlowClient owner = ShareSteps.owner("anna");
        ShareSteps.Link link = ShareSteps.create(owner, 2, "30", "en", "Before the change");
        String original = link.previewTitles().get(link.previewTitles().size() - 1);
        List<?> before = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select lo.id, lo.grade from learning_opportunity lo join learning_opportunity_title t"
                + " on t.learning_opportunity_id = lo.id and t.lang = 'en' where t.title = ?1").setParameter(1, original)
                .getResultList());
        assertFalse(before.isEmpty(), "the source holds " + original);
        QuarkusTransaction.requiringNew().run(() -> before.forEach(row -> {
            em.createNativeQuery("update learning_opportunity set grade = 'F' where id = ?1")
                    .setParameter(1, ((Object[]) row)[0]).executeUpdate();
            em.createNativeQuery("update learning_opportunity_title set title = 'Changed at the source'"
                    + " where learning_opportunity_id = ?1 and lang = 'en'").setParameter(1, ((Object[]) row)[0]).executeUpdate();
        }));
        try {
            assertTrue(FlowClient.html(owner.get("/my-results")).text().contains("Changed at the source"),
                    "the owner's live results show the change");
            FlowClient recipient = ShareSteps.opened(link);
            Document page = FlowClient.html(recipient.get(link.path()));
            assertEquals(link.previewTitles(), page.select("td.title").eachText());
            assertFalse(page.text().contains("Changed at the source"));
            String elmo = recipient.get(link.path() + "/elmo").asString();
            assertTrue(elmo.contains(original) && !elmo.contains("Changed at the source"));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> before.forEach(row -> {
                em.createNativeQuery("update learning_opportunity set grade = ?1 where id = ?2")
                        .setParameter(1, ((Object[]) row)[1]).setParameter(2, ((Object[]) row)[0]).executeUpdate();
                em.createNativeQuery("update learning_opportunity_title set title = ?1"
                        + " where learning_opportunity_id = ?2 and lang = 'en'").setParameter(1, original)
                        .setParameter(2, ((Object[]) row)[0]).executeUpdate();
            }));
        }
    }

    static void assertRecipientHeaders(Response response) {
        assertEquals("no-store", response.header("Cache-Control"));
        assertEquals("noindex, nofollow", response.header("X-Robots-Tag"));
        assertEquals("no-referrer", response.header("Referrer-Policy"));
    }
}
