package org.edurecords.ncp.emrex;

import org.edurecords.ncp.transfer.ResultSnapshot;
import org.edurecords.ncp.transfer.EmrexSession;
import org.edurecords.ncp.transfer.SessionPurge;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.edurecords.ncp.support.DemoFlow;
import org.junit.jupiter.api.Test;

/** The purge removes flows (and their result snapshots) expired longer than the retention, and nothing else. */
@QuarkusTest
class SessionPurgeTest {

    @Inject
    SessionPurge purge;

    private static String flowId(DemoFlow flow) {
        return flow.flowPath.substring(flow.flowPath.lastIndexOf('/') + 1);
    }

    @Test
    void expiredFlowsBeyondRetentionAreDeletedWithTheirSnapshots() {
        DemoFlow old = new DemoFlow("purge-old-" + System.nanoTime(), "https://client.example.org/r").start();
        assertEquals(303, old.login("anna", "demo").statusCode());
        DemoFlow recent = new DemoFlow("purge-new-" + System.nanoTime(), "https://client.example.org/r").start();
        String oldId = flowId(old);
        String recentId = flowId(recent);
        assertNotNull(QuarkusTransaction.requiringNew().call(() -> ResultSnapshot.findById(oldId)), "login kept a snapshot");
        // The old flow expired two days ago: beyond the default retention of 24 hours.
        Instant longAgo = Instant.now().minus(Duration.ofDays(2));
        QuarkusTransaction.requiringNew().run(() -> EmrexSession.update("expiresAt = ?1 where id = ?2", longAgo, oldId));

        assertTrue(purge.purge() >= 1);

        QuarkusTransaction.requiringNew().run(() -> {
            assertNull(EmrexSession.findById(oldId));
            assertNull(ResultSnapshot.findById(oldId));
            assertNotNull(EmrexSession.findById(recentId), "a flow still within its time is kept");
        });
    }
}
