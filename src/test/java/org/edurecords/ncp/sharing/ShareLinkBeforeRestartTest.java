package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;


import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.edurecords.ncp.postgres.PostgresInstances;
import org.edurecords.ncp.support.FlowClient;
import org.junit.jupiter.api.Test;

/**
 * Durability, first half: on PostgreSQL instance A, Anna creates a link and a recipient opens it. The service
 * then restarts (instance B, same database) and {@link ShareLinkSurvivesRestartTest} opens the same link.
 */
@QuarkusTest
@TestProfile(PostgresInstances.InstanceA.class)
class ShareLinkBeforeRestartTest {

    static final String HANDOFF = "edurecords.test.handoff.share-link";

    @Test
    void linkCreatedBeforeTheRestart() {
        ShareSteps.Link link = ShareSteps.create(ShareSteps.owner("anna"), 2, "30", "en", "Across a restart");
        FlowClient recipient = ShareSteps.opened(link);
        assertEquals(200, recipient.get(link.path()).statusCode());
        System.setProperty(HANDOFF, String.join("|", link.path(), link.code(), String.join("\n", link.previewTitles()),
                recipient.cookie("ncp-share")));
    }
}
