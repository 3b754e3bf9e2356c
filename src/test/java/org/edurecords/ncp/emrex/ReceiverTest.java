package org.edurecords.ncp.emrex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The production start-up check of one receiver: hosts, and the receivers' API token and webhook. */
class ReceiverTest {

    private static Receiver receiver(Optional<String> token, Optional<String> webhook) {
        return new Receiver("udi", Map.of("en", "UDI"), List.of("case.example.no"), Optional.empty(), token, webhook);
    }

    @Test
    void aShortApiTokenOrAPlainHttpWebhookIsRefused() {
        assertEquals(List.of(), receiver(Optional.empty(), Optional.empty()).problems());
        assertEquals(List.of(), receiver(Optional.of("x".repeat(32)), Optional.of("https://case.example.no/hook"))
                .problems());
        assertTrue(receiver(Optional.of("short"), Optional.empty()).problems().get(0).contains("api-token"));
        assertTrue(receiver(Optional.empty(), Optional.of("http://case.example.no/hook")).problems().get(0)
                .contains("webhook-url must be an https URL"));
    }

    @Test
    void anOAuthClientIsMatchedExactlyAndABlankOneIsNone() {
        Receiver r = new Receiver("udi", Map.of("en", "UDI"), List.of("case.example.no"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(" udi-case-system "));
        assertEquals(Optional.of("udi-case-system"), r.oauthClientId());
        assertTrue(r.isOAuthClient("udi-case-system"));
        assertTrue(!r.isOAuthClient("udi-case-system2") && !r.isOAuthClient(null));
        Receiver blank = new Receiver("udi", Map.of("en", "UDI"), List.of("case.example.no"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of("  "));
        assertEquals(Optional.empty(), blank.oauthClientId());
        assertEquals(List.of(), KnownReceivers.sharedOAuthClients(List.of(r, blank)));
        assertEquals(1, KnownReceivers.sharedOAuthClients(List.of(r, r)).size());
    }

    @Test
    void aReturnHostRuleMatchesExactlyOrBelowItsDomain() {
        Receiver r = new Receiver("opptak", Map.of("en", "Opptak"), List.of("*.example.no"), Optional.empty());
        assertTrue(r.accepts("opptak.example.no"));
        assertTrue(!r.accepts("example.no") && !r.accepts("evil-example.no"));
    }
}
