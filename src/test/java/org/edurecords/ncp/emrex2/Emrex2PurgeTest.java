package org.edurecords.ncp.emrex2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.edurecords.ncp.ledger.DisclosureEvent;
import org.edurecords.ncp.support.Emrex2Client;
import org.edurecords.ncp.support.FrozenClock;
import org.junit.jupiter.api.Test;

/** Consents, codes, tokens and assertion ids go once they can no longer be used; the ledger keeps the consent. */
@QuarkusTest
class Emrex2PurgeTest {

    @TestHTTPResource("/")
    java.net.URL base;

    @Inject
    Tokens tokens;

    @Test
    void whatCanNoLongerBeUsedIsDeletedAndTheLedgerRowStays() {
        FrozenClock clock = FrozenClock.install();
        Emrex2Client client = new Emrex2Client(base.toString());
        String access = client.token(client.consent("anna", "demo")).jsonPath().getString("access_token");
        assertEquals(200, Emrex2Client.results(access, "").statusCode());
        long ledger = QuarkusTransaction.requiringNew().call(() -> DisclosureEvent.count());

        clock.advance(Duration.ofSeconds(100));
        tokens.purge();
        assertEquals(200, Emrex2Client.results(access, "").statusCode(), "a consent whose token may be used stays");
        long consents = QuarkusTransaction.requiringNew().call(() -> Consent.count());

        clock.advance(Duration.ofSeconds(300));
        assertTrue(tokens.purge() >= 1);
        assertTrue(QuarkusTransaction.requiringNew().call(() -> Consent.count()) < consents);
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> SeenAssertion.count("expiresAt < ?1",
                clock.instant())));
        assertEquals(401, Emrex2Client.results(access, "").statusCode());
        assertEquals(ledger + 1, QuarkusTransaction.requiringNew().call(() -> DisclosureEvent.count()),
                "the ledger keeps every row (and the second retrieval's)");
    }
}
