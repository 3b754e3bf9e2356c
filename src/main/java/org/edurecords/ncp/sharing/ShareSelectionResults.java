package org.edurecords.ncp.sharing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.web.RecentlyUsed;
import org.edurecords.ncp.web.SecretTokens;

/**
 * The results a share link is chosen from, kept per portal session from the selection page to the preview and the
 * creation: the sources (and the live registers of credentials) are asked once per selection, as a transfer asks them
 * once per flow, and the link carries what the owner chose from. Kept by this instance only and for a limited time;
 * a step that finds nothing kept (on another instance, later, after a restart) asks the sources again, and the
 * preview's hash still refuses a link whose results changed after the preview.
 */
@ApplicationScoped
public class ShareSelectionResults {

    /** Enough for the owners choosing at once on one instance; each entry holds one learner's results. */
    static final int KEPT = 64;

    /** Longer than anybody takes from the selection to the link, shorter than a portal session. */
    static final Duration KEPT_FOR = Duration.ofMinutes(15);

    @Inject
    Clock clock;

    /** What the selection page offered: the results, and the live registers that could not be read for it. */
    record Offered(LearnerResults results, List<String> staleRegisters) {
    }

    private record Kept(long learnerId, Instant at, Offered offered) {
    }

    // By a hash of the session's cookie, not the cookie itself; least recently used out first.
    private final Map<String, Kept> kept = RecentlyUsed.map(KEPT);

    /** Asks the sources now (the selection page) and keeps the answer for this session's next steps. */
    Offered askNow(String sessionToken, long learnerId, Supplier<Offered> ask) {
        Offered fresh = ask.get();
        kept.put(SecretTokens.sha256Hex(sessionToken), new Kept(learnerId, clock.instant(), fresh));
        return fresh;
    }

    /** What the selection page of this session showed, if recent; otherwise the sources are asked again. */
    Offered asShown(String sessionToken, long learnerId, Supplier<Offered> ask) {
        Kept found = kept.get(SecretTokens.sha256Hex(sessionToken));
        if (found != null && found.learnerId() == learnerId
                && found.at().plus(KEPT_FOR).isAfter(clock.instant())) {
            return found.offered();
        }
        return askNow(sessionToken, learnerId, ask);
    }
}
