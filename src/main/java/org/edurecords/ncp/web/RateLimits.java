package org.edurecords.ncp.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

/**
 * Token buckets per client address ({@link ClientAddress#of}) for the requests that create something or start a
 * login, so that one address cannot create flows, links or login attempts as fast as it can send them. Each
 * instance counts on its own, in memory: behind a load balancer an address gets the limit once per instance.
 *
 * <p>Each bucket is one number, the moment from which the next request would be on time (the generic cell
 * rate algorithm): a request is allowed while that moment is at most {@code burst - 1} intervals ahead, and
 * moves it one interval further. The addresses are held in a bounded Caffeine cache; an entry idle for
 * {@code burst} intervals is dropped, which is exactly when it has become a full bucket again, so expiry
 * changes no decision. Time is the application's {@link Clock}.
 */
@ApplicationScoped
public class RateLimits {

    private static final Logger LOG = Logger.getLogger(RateLimits.class);
    private static final Decision ALLOWED = new Decision(true, 0);

    /** The message of every refusal. */
    public static final String MESSAGE_KEY = "error_rate_limited";

    /** What is limited; each has its own bucket per address and its own configuration group. */
    public enum Limit {
        FLOW_CREATION, LOGIN, SHARE_CREATION, SHARE_EMAIL;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** @param retryAfterSeconds when a refused request would be allowed, in whole seconds (at least 1) */
    public record Decision(boolean allowed, long retryAfterSeconds) {
    }

    @Inject
    NcpConfig config;

    @Inject
    Clock clock;

    @Inject
    MeterRegistry metrics;

    private final Map<Limit, Buckets> buckets = new EnumMap<>(Limit.class);

    @PostConstruct
    void create() {
        NcpConfig.RateLimit rates = config.rateLimit();
        buckets.put(Limit.FLOW_CREATION, new Buckets(rates.flowCreation().perMinute(), rates.flowCreation().burst()));
        buckets.put(Limit.LOGIN, new Buckets(rates.login().perMinute(), rates.login().burst()));
        buckets.put(Limit.SHARE_CREATION, new Buckets(rates.shareCreation().perMinute(), rates.shareCreation().burst()));
        buckets.put(Limit.SHARE_EMAIL, new Buckets(rates.shareEmail().perMinute(), rates.shareEmail().burst()));
    }

    /** Takes one request of this kind from the address's bucket, or says when it may come again. */
    public Decision take(Limit limit, String address) {
        if (!config.rateLimit().enabled()) {
            return ALLOWED;
        }
        Decision decision = buckets.get(limit).take(address, nanos(clock.instant()));
        if (!decision.allowed()) {
            metrics.counter("ncp.rate.limited", "limit", limit.tag()).increment();
            LOG.debugf("Rate limit %s: refused a request, retry after %d s", limit.tag(), decision.retryAfterSeconds());
        }
        return decision;
    }

    /** How many addresses a limit holds now, after pending evictions (for tests of the bound). */
    long remembered(Limit limit) {
        Cache<String, Long> due = buckets.get(limit).due;
        due.cleanUp();
        return due.estimatedSize();
    }

    /** The answer to a refused request: the product's page in the person's language, or JSON for a machine. */
    public static Response refusal(Decision decision, boolean wantsJson, Locale locale) {
        Response.ResponseBuilder response = Response.status(429).header("Retry-After", decision.retryAfterSeconds())
                .header("Cache-Control", "no-store");
        if (wantsJson) {
            return response.type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorPages.ErrorBody(429, MESSAGE_KEY, ErrorAnswers.text(MESSAGE_KEY))).build();
        }
        return response.type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).header("Content-Language", locale.toLanguageTag())
                .entity(page(locale)).build();
    }

    /** The rendered HTML of the refusal page; needs an active request context (the layout reads the page's language). */
    public static String page(Locale locale) {
        return ErrorPages.Templates.error(429, MESSAGE_KEY).setLocale(locale).render();
    }

    /** a × b, at most a year of nanoseconds: larger settings mean "no limit in practice" and must not overflow. */
    private static long saturated(long a, long b) {
        long year = Duration.ofDays(366).toNanos();
        return b != 0 && a > year / b ? year : Math.min(year, a * b);
    }

    private static long nanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The buckets of one limit: an address's next-allowed moment, in nanoseconds of the application's clock. */
    private final class Buckets {

        private final long interval;
        private final long tolerance;
        private final Cache<String, Long> due;

        Buckets(int perMinute, int burst) {
            this.interval = Duration.ofMinutes(1).toNanos() / perMinute;
            this.tolerance = saturated(interval, burst - 1);
            this.due = Caffeine.newBuilder()
                    .maximumSize(config.rateLimit().maxAddresses())
                    .expireAfterAccess(Duration.ofNanos(saturated(interval, burst)))
                    .ticker(() -> nanos(clock.instant()))
                    // Maintenance (eviction, expiry) on the calling thread: the bound holds without a background task.
                    .executor(Runnable::run)
                    .build();
        }

        Decision take(String address, long now) {
            Decision[] decision = new Decision[1];
            due.asMap().compute(address, (key, next) -> {
                // No request can put the moment further ahead than a full burst; if it is, the clock has gone back
                // (a step of the system clock) and the address starts afresh instead of waiting that long.
                boolean afresh = next == null || next - now > tolerance + interval;
                long start = afresh ? now : Math.max(next, now);
                if (start - now > tolerance) {
                    long wait = start - now - tolerance;
                    decision[0] = new Decision(false, Math.max(1, (wait + 999_999_999L) / 1_000_000_000L));
                    return next;
                }
                decision[0] = ALLOWED;
                return start + interval;
            });
            return decision[0];
        }
    }
}
