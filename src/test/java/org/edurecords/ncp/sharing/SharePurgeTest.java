package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.support.FlowClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Retention: snapshots of expired and deactivated links go, the links and the ledger's record stay. */
@QuarkusTest
class SharePurgeTest {

    @Inject
    SharePurge purge;

    @Inject
    DisclosureLedger ledger;

    ShareSteps.MovableClock clock;

    @BeforeEach
    void controllableClock() {
        clock = ShareSteps.installClock();
    }

    @Test
    void snapshotsOfEndedLinksAreDeletedOnceAndRecorded() {
        FlowClient owner = ShareSteps.owner("anna");
        ShareSteps.Link expiring = ShareSteps.create(owner, 1, "1", "en", "Expires");
        ShareSteps.Link deactivated = ShareSteps.create(owner, 1, "30", "en", "Deactivated");
        ShareSteps.Link active = ShareSteps.create(owner, 1, "30", "en", "Active");
        owner.get("/my-results/links");
        owner.post("/my-results/links/" + deactivated.id() + "/deactivate", Map.of());

        purge.purge();
        assertNotNull(snapshot(expiring.id()), "a live link keeps its snapshot");
        assertNull(snapshot(deactivated.id()), "retention 0: a deactivated link's snapshot goes at the next run");

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertTrue(purge.purge() >= 1);
        assertNull(snapshot(expiring.id()));
        assertNotNull(snapshot(active.id()));
        purge.purge();

        for (ShareSteps.Link ended : List.of(expiring, deactivated)) {
            List<DisclosureKind> kinds = ShareSteps.kinds(ledger, ended.id());
            assertEquals(1, kinds.stream().filter(k -> k == DisclosureKind.LINK_SNAPSHOT_DELETED).count(), kinds.toString());
            assertNotNull(QuarkusTransaction.requiringNew().call(() -> ShareLink.<ShareLink>findById(ended.id()).snapshotDeletedAt));
            assertEquals(410, new FlowClient().get(ended.path()).statusCode());
        }
        FlowClient again = ShareSteps.owner("anna");
        assertNotNull(FlowClient.html(again.get("/my-results/links")).selectFirst("tr[data-link=" + expiring.id() + "]"),
                "the owner's list keeps the link");
        assertEquals(200, new FlowClient().get(active.path()).statusCode());
    }

    private static ShareSnapshot snapshot(String linkId) {
        return QuarkusTransaction.requiringNew().call(() -> ShareSnapshot.findById(linkId));
    }
}
