package org.edurecords.ncp.results;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.results.store.LearnerEntity;
import org.jboss.logging.Logger;

/**
 * Collects a learner's results from every {@link ResultSource} in parallel. Each source runs on its own
 * bulkhead ({@link SourceBulkheads}) under its own guard (retries, circuit breaker) and deadline, so the
 * answer is ready when the slowest healthy source has answered or the slow one's time is up, and one
 * broken or slow institution never hides or holds up the others.
 */
@ApplicationScoped
public class ResultService {

    private static final Logger LOG = Logger.getLogger(ResultService.class);
    private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    @Inject
    ResultSources sources;

    @Inject
    SourceGuards guards;

    @Inject
    InstitutionDirectory directory;

    @Inject
    NcpConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    SourceBulkheads bulkheads;

    /** Every source's bulkhead and meters exist from start-up, at zero. */
    void start(@Observes StartupEvent event) {
        bulkheads.prepare();
        for (ResultSource source : sources.all()) {
            for (Completeness.Status status : Completeness.Status.values()) {
                if (status != Completeness.Status.COMPLETE) {
                    metrics.counter("ncp.source.failures", "source", source.name(), "reason", status.wireValue());
                }
            }
            metrics.timer("ncp.source.latency", "source", source.name(), "outcome", "complete");
        }
    }

    public Optional<Learner> findLearner(long learnerId) {
        return LearnerEntity.<LearnerEntity>findByIdOptional(learnerId).map(LearnerEntity::toRecord);
    }

    /** What one source delivered, or why it did not. */
    private record Outcome(ResultSource source, List<InstitutionResults> results, Completeness.Status failure) {
    }

    /**
     * Asks every source at once, each on its own bulkhead and within its own timeout (retries, waiting for a
     * free slot and reading the body included), never longer than {@code ncp.sources.overall-timeout}.
     */
    public LearnerResults resultsOf(Learner learner) {
        return merge(learner, ask(sources.all(), learner));
    }

    /**
     * Asks again only the sources whose institutions were missing from an earlier answer (they timed out, were
     * unavailable or sent unusable data), and merges what they deliver now into that answer. The institutions
     * read before stay as they were; a source that fails again stays missing.
     */
    public LearnerResults retryMissing(Learner learner, LearnerResults earlier) {
        List<ResultSource> again = new ArrayList<>();
        for (ResultSource source : sources.all()) {
            String schac = source.institutionSchac().orElse(null);
            if (earlier.missing().stream().anyMatch(m -> java.util.Objects.equals(m.schac(), schac))) {
                again.add(source);
            }
        }
        if (again.isEmpty()) {
            return earlier;
        }
        LearnerResults fresh = merge(learner, ask(again, learner));
        Set<String> asked = new HashSet<>();
        again.forEach(source -> asked.add(source.institutionSchac().orElse(null)));
        List<InstitutionResults> institutions = new ArrayList<>(earlier.institutions());
        Set<String> present = new HashSet<>();
        institutions.forEach(i -> present.add(i.institution().schac()));
        for (InstitutionResults r : fresh.institutions()) {
            if (!present.contains(r.institution().schac())) {
                institutions.add(r);
            }
        }
        institutions.sort(Comparator.comparing(r -> String.valueOf(r.institution().name(Locale.ENGLISH))));
        List<Completeness> missing = new ArrayList<>();
        earlier.missing().stream().filter(m -> !asked.contains(m.schac())).forEach(missing::add);
        missing.addAll(fresh.missing());
        return new LearnerResults(learner, institutions, missing);
    }

    private List<Outcome> ask(List<ResultSource> all, Learner learner) {
        long start = System.nanoTime();
        List<Deadline> deadlines = new ArrayList<>();
        List<CompletableFuture<Outcome>> calls = new ArrayList<>();
        for (ResultSource source : all) {
            Deadline deadline = Deadline.after(start, budget(source));
            deadlines.add(deadline);
            calls.add(bulkheads.submit(source, () -> call(source, learner, deadline)));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            outcomes.add(await(all.get(i), calls.get(i), deadlines.get(i)));
        }
        return outcomes;
    }

    private Duration budget(ResultSource source) {
        Duration timeout = source.policy().map(SourcePolicy::timeout).orElse(config.sources().timeout());
        Duration overall = config.sources().overallTimeout();
        return timeout.compareTo(overall) < 0 ? timeout : overall;
    }

    private Outcome call(ResultSource source, Learner learner, Deadline deadline) {
        if (deadline.passed()) {
            // Waited for a free slot of this source until nobody waits for the answer any more: not called.
            LOG.warnf("Result source %s not called: its calls were all busy until the deadline", source.name());
            return failed(source, Completeness.Status.TIMED_OUT);
        }
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "complete";
        try {
            return new Outcome(source, attempts(source, learner, deadline), null);
        } catch (Exception e) {
            Completeness.Status status = statusOf(e);
            outcome = status.wireValue();
            // The reason, never the learner or the document.
            LOG.warnf("Result source %s failed (%s): %s", source.name(), status.wireValue(), reason(e));
            return failed(source, status);
        } finally {
            sample.stop(metrics.timer("ncp.source.latency", "source", source.name(), "outcome", outcome));
        }
    }

    /**
     * The first attempt, and after a transient failure (connection refused or reset, HTTP 5xx) the configured
     * retries while the pause still leaves time before the deadline. Each attempt passes the circuit breaker;
     * a timeout or a document that failed validation is never retried, it would only repeat the failure.
     */
    private List<InstitutionResults> attempts(ResultSource source, Learner learner, Deadline deadline) throws Exception {
        Guard guard = guards.guardFor(source);
        int retries = source.policy().map(SourcePolicy::retries).orElse(config.sources().retries());
        Duration pause = config.sources().retryDelay();
        for (int attempt = 0;; attempt++) {
            try {
                @SuppressWarnings("unchecked")
                List<InstitutionResults> results = guard.call(() -> source.fetch(learner, deadline),
                        (Class<List<InstitutionResults>>) (Class<?>) List.class);
                return results;
            } catch (SourceException.Transient e) {
                if (attempt >= retries || deadline.remaining().compareTo(pause) <= 0) {
                    throw e;
                }
                LOG.infof("Result source %s: %s; trying again", source.name(), e.getMessage());
                Thread.sleep(pause.toMillis());
            }
        }
    }

    private Outcome failed(ResultSource source, Completeness.Status status) {
        metrics.counter("ncp.source.failures", "source", source.name(), "reason", status.wireValue()).increment();
        return new Outcome(source, List.of(), status);
    }

    private Outcome await(ResultSource source, CompletableFuture<Outcome> call, Deadline deadline) {
        try {
            // A little grace over the deadline: the source itself gives up at the deadline and says why.
            return call.get(deadline.remainingNanos() + GRACE_NANOS, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            // Counted as a failure by the call itself when it ends (it gives up at its deadline).
            LOG.warnf("Result source %s did not answer within %s", source.name(), budget(source));
            return new Outcome(source, List.of(), Completeness.Status.TIMED_OUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(source, List.of(), Completeness.Status.TIMED_OUT);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SourceBulkheads.Full) {
                LOG.warnf("Result source %s not called: %s", source.name(), e.getCause().getMessage());
                return failed(source, Completeness.Status.TIMED_OUT);
            }
            LOG.warnf("Result source %s failed: %s", source.name(), reason(e.getCause()));
            return failed(source, Completeness.Status.UNAVAILABLE);
        }
    }

    private LearnerResults merge(Learner learner, List<Outcome> outcomes) {
        // A live endpoint is authoritative for its institution, even when it failed this time:
        // results imported earlier could be stale and must not pose as the institution's answer.
        Set<String> live = new HashSet<>();
        for (ResultSource source : sources.all()) {
            source.institutionSchac().ifPresent(live::add);
        }
        List<InstitutionResults> results = new ArrayList<>();
        List<Completeness> missing = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            boolean liveSource = outcome.source().institutionSchac().isPresent();
            for (InstitutionResults r : outcome.results()) {
                if (!liveSource && live.contains(r.institution().schac())) {
                    continue;
                }
                results.add(directory.namedAsAchieved(r).newestFirst());
            }
            if (outcome.failure() != null) {
                missing.add(missingEntry(outcome));
            }
        }
        results.sort(Comparator.comparing(r -> String.valueOf(r.institution().name(Locale.ENGLISH))));
        return new LearnerResults(learner, results, missing);
    }

    private Completeness missingEntry(Outcome outcome) {
        Optional<String> schac = outcome.source().institutionSchac();
        Optional<Institution> known = schac.flatMap(directory::bySchac);
        if (known.isPresent()) {
            return new Completeness(known.get().schac(), known.get().name(), outcome.failure());
        }
        if (schac.isPresent()) {
            return new Completeness(schac.get(), LocalizedText.of("en", schac.get()), outcome.failure());
        }
        // No institution and no name: the pages name it "results stored at this contact point" in their language.
        return new Completeness(null, null, outcome.failure());
    }

    private static Completeness.Status statusOf(Throwable e) {
        if (e instanceof SourceException se) {
            return se.status();
        }
        if (e instanceof org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException) {
            return Completeness.Status.TIMED_OUT;
        }
        if (e instanceof CircuitBreakerOpenException) {
            return Completeness.Status.UNAVAILABLE;
        }
        return Completeness.Status.UNAVAILABLE;
    }

    private static String reason(Throwable e) {
        if (e instanceof CircuitBreakerOpenException) {
            return "circuit open, not called";
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
