package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.support.FlowClient;
import org.edurecords.ncp.support.FrozenClock;
import org.edurecords.ncp.support.LimitsProfile;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stranger holding a link's URL cannot lock its recipient out: wrong codes count per network (3 per hour in
 * {@link LimitsProfile}) and only all networks together (7 per hour) lock the link for everyone. Clients at
 * other addresses through X-Forwarded-For; the clock stands still unless the test moves it.
 */
@QuarkusTest
@TestProfile(LimitsProfile.class)
class WrongCodesPerNetworkTest {

    @Inject
    DisclosureLedger ledger;

    @Inject
    EntityManager em;

    FrozenClock clock;

    @BeforeEach
    void frozenClock() {
        clock = FrozenClock.install();
    }

    @Test
    void aStrangersWrongCodesMakeOnlyTheirNetworkWaitWhileTheRecipientGetsIn() {
        FlowClient owner = ShareSteps.owner("anna", FlowClient.from("198.51.100.10"));
        ShareSteps.Link link = ShareSteps.create(owner, 1, "7", "en", "Job application");
        String wrong = wrong(link);

        FlowClient stranger = FlowClient.from("203.0.113.7");
        assertEquals(200, stranger.get(link.path()).statusCode());
        for (int left = 2; left >= 1; left--) {
            Response refused = stranger.post(link.path(), Map.of("code", wrong));
            assertEquals(422, refused.statusCode());
            assertTrue(FlowClient.html(refused).getElementById("wrong-code").text().endsWith(": " + left + "."));
            clock.advance(Duration.ofMinutes(5));
        }
        Response waiting = stranger.post(link.path(), Map.of("code", wrong));
        assertEquals(429, waiting.statusCode());
        // The first of the three was 10 minutes ago: the network may try again in 50 minutes.
        assertEquals(String.valueOf(50 * 60), waiting.header("Retry-After"));
        Element text = FlowClient.html(waiting).getElementById("unavailable");
        assertEquals("share_recipient_wait", text.attr("data-reason"));
        assertTrue(text.text().contains("from your network") && text.text().contains("Try again after"), text.text());
        assertEquals(429, stranger.post(link.path(), Map.of("code", link.code())).statusCode(),
                "a waiting network's code is not even checked");
        assertEquals(429, stranger.get(link.path()).statusCode(), "the link's page says when to try again");
        assertEquals(String.valueOf(50 * 60), stranger.get(link.path()).header("Retry-After"));
        assertEquals(429, FlowClient.from("203.0.113.200").get(link.path()).statusCode(),
                "the whole /24 waits: another address of it is the same network");

        // The recipient, elsewhere, is not held up: the right code opens the link.
        FlowClient recipient = FlowClient.from("[2001:db8:77:1::20]");
        ShareSteps.opened(link, recipient);
        Document results = FlowClient.html(recipient.get(link.path()));
        assertEquals("Results shared with you by Anna Kristine Sørbø-Łukasiewicz", results.selectFirst("h1").text());
        assertEquals(200, recipient.get(link.path() + "/pdf").statusCode());

        // The owner sees the link active, with the wrong codes someone entered; no lock is recorded.
        Element row = FlowClient.html(owner.get("/my-results/links")).selectFirst("tr[data-link=" + link.id() + "]");
        assertTrue(row.selectFirst("td.status").text().startsWith("Active"), row.text());
        assertEquals("Recent wrong access codes: 3", row.selectFirst(".wrong-codes").text(),
                "the right code refused unchecked is not counted");
        assertEquals(List.of(DisclosureKind.LINK_CREATED, DisclosureKind.LINK_VIEWED), ShareSteps.kinds(ledger, link.id()));

        // Only the stored pseudonym of the network is kept with the attempts, never an address.
        List<?> sources = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select distinct source from share_link_attempt where link_id = ?1").setParameter(1, link.id()).getResultList());
        assertEquals(1, sources.size());
        String source = (String) sources.get(0);
        assertTrue(source.matches("[0-9a-f]{32}"), source);
        assertNotEquals(AttemptSources.of(link.id(), "203.0.113.0/24"), AttemptSources.of("X".repeat(32), "203.0.113.0/24"),
                "the same network gives another value on another link");
        assertEquals(AttemptSources.of(link.id(), "203.0.113.0/24"), source);

        // Once the window has moved past its first attempt, the stranger's network may try once more: a sliding
        // window gives back one attempt for each that leaves it.
        clock.advance(Duration.ofMinutes(50));
        assertEquals(200, stranger.get(link.path()).statusCode());
        Response again = stranger.post(link.path(), Map.of("code", wrong));
        assertEquals(429, again.statusCode());
        assertEquals(String.valueOf(5 * 60), again.header("Retry-After"), "until the second attempt leaves the window");
    }

    @Test
    void wrongCodesFromManyNetworksTogetherLockTheLinkForEveryone() {
        FlowClient owner = ShareSteps.owner("anna", FlowClient.from("198.51.100.11"));
        ShareSteps.Link link = ShareSteps.create(owner, 1, "7", "en", "");
        String wrong = wrong(link);

        // Two networks use up their 3 each: 6 of the link's 7.
        for (String network : List.of("203.0.113.8", "[2001:db8:66:1::1]")) {
            FlowClient guesser = FlowClient.from(network);
            guesser.get(link.path());
            assertEquals(422, guesser.post(link.path(), Map.of("code", wrong)).statusCode());
            assertEquals(422, guesser.post(link.path(), Map.of("code", wrong)).statusCode());
            assertEquals(429, guesser.post(link.path(), Map.of("code", wrong)).statusCode());
            clock.advance(Duration.ofMinutes(1));
        }
        assertEquals(200, FlowClient.from("192.0.2.99").get(link.path()).statusCode(), "not locked yet");

        // A third network's first wrong code is the link's 7th: the link locks for everyone.
        FlowClient third = FlowClient.from("[2001:db8:66:2::1]");
        third.get(link.path());
        Response locked = third.post(link.path(), Map.of("code", wrong));
        assertEquals(429, locked.statusCode());
        assertEquals("share_recipient_locked", FlowClient.html(locked).getElementById("unavailable").attr("data-reason"));
        // The first counted attempt was 2 minutes ago: the lock ends 58 minutes from now.
        assertEquals(String.valueOf(58 * 60), locked.header("Retry-After"));

        FlowClient recipient = FlowClient.from("192.0.2.99");
        Response refused = recipient.get(link.path());
        assertEquals(429, refused.statusCode(), "now the recipient waits too");
        assertEquals("share_recipient_locked", FlowClient.html(refused).getElementById("unavailable").attr("data-reason"));
        Element row = FlowClient.html(owner.get("/my-results/links")).selectFirst("tr[data-link=" + link.id() + "]");
        assertTrue(row.selectFirst("td.status").text().startsWith("Locked"), row.text());
        assertEquals(List.of(DisclosureKind.LINK_CREATED, DisclosureKind.LINK_LOCKED), ShareSteps.kinds(ledger, link.id()));

        clock.advance(Duration.ofMinutes(58));
        ShareSteps.opened(link, recipient);
        assertEquals(List.of(DisclosureKind.LINK_CREATED, DisclosureKind.LINK_LOCKED, DisclosureKind.LINK_VIEWED),
                ShareSteps.kinds(ledger, link.id()));
    }

    @Test
    void shareLinkCreationIsLimitedPerAddress() {
        FlowClient owner = ShareSteps.owner("anna", FlowClient.from("198.51.100.12"));
        long before = links();
        ShareSteps.create(owner, 1, "7", "en", "First");
        ShareSteps.create(owner, 1, "7", "en", "Second");
        Response preview = ShareSteps.preview(owner, 1);
        Response refused = owner.post("/my-results/share/create",
                ShareSteps.createForm(FlowClient.html(preview), "7", "en", "Third"));
        assertEquals(429, refused.statusCode());
        assertEquals("60", refused.header("Retry-After"));
        assertTrue(FlowClient.html(refused).text().contains("Too many requests"));
        assertNull(FlowClient.html(refused).getElementById("share-code"), "no code, no link");
        assertEquals(before + 2, links());

        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, owner.post("/my-results/share/create",
                ShareSteps.createForm(FlowClient.html(preview), "7", "en", "Third")).statusCode(), "a minute later");
        assertEquals(before + 3, links());
    }

    private static String wrong(ShareSteps.Link link) {
        return link.code().startsWith("2") ? "3" + link.code().substring(1) : "2" + link.code().substring(1);
    }

    private long links() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from share_link").getSingleResult()).longValue());
    }
}
