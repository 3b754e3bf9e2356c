package org.edurecords.ncp.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.smallrye.faulttolerance.api.Guard;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.results.store.LearnerEntity;
import org.jboss.logging.Logger;

/**
 * Collects a learner's results from every {@link ResultSource} in parallel. Each source runs under its
 * own guard (timeout, retries, circuit breaker), so the answer is ready when the slowest healthy source
 * has answered or the slow one has timed out, and one broken institution never hides the others.
 */
@ApplicationScoped
public class ResultService {

    private static final Logger LOG = Logger.getLogger(ResultService.class);

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

    private ExecutorService pool;

    @PostConstruct
    void start() {
        AtomicInteger counter = new AtomicInteger();
        int threads = Math.max(2, config.sources().threads());
        pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "result-source-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ((ThreadPoolExecutor) pool).allowCoreThreadTimeOut(true);
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    public Optional<Learner> findLearner(long learnerId) {
        return LearnerEntity.<LearnerEntity>findByIdOptional(learnerId).map(LearnerEntity::toRecord);
    }

    /** What one source delivered, or why it did not. */
    private record Outcome(ResultSource source, List<InstitutionResults> results, Completeness.Status failure) {
    }

    public LearnerResults resultsOf(Learner learner) {
        List<ResultSource> all = sources.all();
        List<CompletableFuture<Outcome>> calls = new ArrayList<>();
        for (ResultSource source : all) {
            calls.add(CompletableFuture.supplyAsync(() -> call(source, learner), pool));
        }
        long deadline = System.nanoTime() + config.sources().overallTimeout().toNanos();
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            outcomes.add(await(all.get(i), calls.get(i), deadline));
        }
        return merge(learner, outcomes);
    }

    private Outcome call(ResultSource source, Learner learner) {
        Guard guard = guards.guardFor(source);
        Timer.Sample sample = Timer.start(metrics);
        String outcome = "complete";
        try {
            @SuppressWarnings("unchecked")
            List<InstitutionResults> results = guard.call(() -> source.fetch(learner),
                    (Class<List<InstitutionResults>>) (Class<?>) List.class);
            return new Outcome(source, results, null);
        } catch (Exception e) {
            Completeness.Status status = statusOf(e);
            outcome = status.wireValue();
            // The reason, never the learner or the document.
            LOG.warnf("Result source %s failed (%s): %s", source.name(), status.wireValue(), reason(e));
            metrics.counter("ncp.source.failures", "source", source.name(), "reason", status.wireValue()).increment();
            return new Outcome(source, List.of(), status);
        } finally {
            sample.stop(metrics.timer("ncp.source.latency", "source", source.name(), "outcome", outcome));
        }
    }

    private Outcome await(ResultSource source, CompletableFuture<Outcome> call, long deadline) {
        try {
            return call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warnf("Result source %s did not answer within the overall limit of %s", source.name(),
                    config.sources().overallTimeout());
            return new Outcome(source, List.of(), Completeness.Status.TIMED_OUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(source, List.of(), Completeness.Status.TIMED_OUT);
        } catch (ExecutionException e) {
            LOG.warnf("Result source %s failed: %s", source.name(), reason(e.getCause()));
            return new Outcome(source, List.of(), Completeness.Status.UNAVAILABLE);
        }
    }

    private LearnerResults merge(Learner learner, List<Outcome> outcomes) {
        // A live endpoint is authoritative for its institution, even when it failed this time:
        // results imported earlier could be stale and must not pose as the institution's answer.
        Set<String> live = new HashSet<>();
        for (Outcome outcome : outcomes) {
            outcome.source().institutionSchac().ifPresent(live::add);
        }
        List<InstitutionResults> results = new ArrayList<>();
        List<Completeness> missing = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            boolean liveSource = outcome.source().institutionSchac().isPresent();
            for (InstitutionResults r : outcome.results()) {
                if (!liveSource && live.contains(r.institution().schac())) {
                    continue;
                }
                results.add(directory.namedAsAchieved(r));
            }
            if (outcome.failure() != null) {
                missing.add(missingEntry(outcome));
            }
        }
        results.sort(Comparator.comparing(r -> r.institution().nameEn()));
        return new LearnerResults(learner, results, missing);
    }

    private Completeness missingEntry(Outcome outcome) {
        Optional<String> schac = outcome.source().institutionSchac();
        Optional<Institution> known = schac.flatMap(directory::bySchac);
        if (known.isPresent()) {
            return new Completeness(known.get().schac(), known.get().nameEn(), known.get().nameNb(), outcome.failure());
        }
        if (schac.isPresent()) {
            return new Completeness(schac.get(), schac.get(), schac.get(), outcome.failure());
        }
        return new Completeness(null, "Results stored at this contact point", "Resultater lagret hos dette kontaktpunktet",
                outcome.failure());
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
