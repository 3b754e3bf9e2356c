package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.ledger.DisclosureKind;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.postgres.PostgresInstances;
import org.edurecords.ncp.support.ElmoChecks;
import org.edurecords.ncp.support.FlowClient;
import org.junit.jupiter.api.Test;

/** Durability, second half: after the restart, the link, its grant, its snapshot and its ledger are all there. */
@QuarkusTest
@TestProfile(PostgresInstances.InstanceB.class)
class ShareLinkSurvivesRestartTest {

    @Inject
    NcpConfig config;

    @Inject
    DisclosureLedger ledger;

    @Test
    void linkCreatedBeforeTheRestartIsViewableAfterIt() {
        String handoff = System.getProperty(ShareLinkBeforeRestartTest.HANDOFF);
        assertNotNull(handoff, "instance A (ShareLinkBeforeRestartTest) must run first and leave a link behind");
        assertEquals("EMREX NCP instance B", config.name(), "the application serving this test was restarted");
        String[] parts = handoff.split("\\|", 4);
        String path = parts[0];
        List<String> titles = List.of(parts[2].split("\n"));

        FlowClient sameBrowser = new FlowClient();
        sameBrowser.restoreCookies(Map.of("ncp-share", parts[3]));
        assertEquals(titles, FlowClient.html(sameBrowser.get(path)).select("td.title").eachText(),
                "the grant given before the restart still holds");

        FlowClient newBrowser = new FlowClient();
        assertEquals(200, newBrowser.get(path).statusCode());
        assertEquals(303, newBrowser.post(path, Map.of("code", parts[1])).statusCode());
        assertEquals(titles, FlowClient.html(newBrowser.get(path)).select("td.title").eachText());
        ElmoChecks.assertValid(ElmoChecks.parse(newBrowser.get(path + "/elmo").asByteArray()));

        String linkId = path.substring(path.lastIndexOf('/') + 1);
        assertEquals(List.of(DisclosureKind.LINK_CREATED, DisclosureKind.LINK_VIEWED, DisclosureKind.LINK_VIEWED),
                ShareSteps.kinds(ledger, linkId));
    }
}
