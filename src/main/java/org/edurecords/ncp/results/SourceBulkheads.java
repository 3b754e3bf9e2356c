package org.edurecords.ncp.results;

import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.edurecords.ncp.config.NcpConfig;

/**
 * One small thread pool per source: its bulkhead. A source that stops answering can occupy only its own
 * threads; calls beyond them wait in the source's own queue until their deadline, and the other sources'
 * threads stay free. The pools together have {@code ncp.sources.threads} threads, split evenly unless a
 * source sets {@code max-concurrent}.
 */
@ApplicationScoped
public class SourceBulkheads {

    /** Waiting calls per thread before a source refuses outright: enough for a burst of logins, never unbounded. */
    private static final int QUEUE_PER_THREAD = 16;

    @Inject
    NcpConfig config;

    @Inject
    MeterRegistry metrics;

    @Inject
    ResultSources sources;

    private final Map<String, ThreadPoolExecutor> pools = new ConcurrentHashMap<>();

    /** Thrown (as the future's failure) when the source's queue is full: the call was never made. */
    public static final class Full extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Full(String source) {
            super("all " + source + " call slots and its queue are busy");
        }
    }

    /** Creates every source's pool and its gauges, so that metrics show them from start-up. */
    public void prepare() {
        sources.all().forEach(this::pool);
    }

    /** Runs the call on the source's own threads. */
    public <T> CompletableFuture<T> submit(ResultSource source, Supplier<T> call) {
        try {
            return CompletableFuture.supplyAsync(call, pool(source));
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new Full(source.name()));
        }
    }

    /** Calls of this source running now. */
    public int active(String sourceName) {
        ThreadPoolExecutor pool = pools.get(sourceName);
        return pool == null ? 0 : pool.getActiveCount();
    }

    /** The number of calls this source may make at once. */
    public int limit(ResultSource source) {
        int configured = source.policy().map(SourcePolicy::maxConcurrent).orElse(0);
        if (configured > 0) {
            return configured;
        }
        return Math.max(2, config.sources().threads() / Math.max(1, sources.all().size()));
    }

    private ThreadPoolExecutor pool(ResultSource source) {
        return pools.computeIfAbsent(source.name(), name -> {
            int limit = limit(source);
            AtomicInteger counter = new AtomicInteger();
            ThreadPoolExecutor pool = new ThreadPoolExecutor(limit, limit, 60, TimeUnit.SECONDS,
                    new ArrayBlockingQueue<>(limit * QUEUE_PER_THREAD), task -> {
                        Thread thread = new Thread(task, "source-" + name + "-" + counter.incrementAndGet());
                        thread.setDaemon(true);
                        return thread;
                    });
            pool.allowCoreThreadTimeOut(true);
            Gauge.builder("ncp.source.active", pool, ThreadPoolExecutor::getActiveCount).tag("source", name)
                    .description("calls of this result source running now").register(metrics);
            Gauge.builder("ncp.source.queued", pool, p -> p.getQueue().size()).tag("source", name)
                    .description("calls of this result source waiting for one of its threads").register(metrics);
            return pool;
        });
    }

    @PreDestroy
    void stop() {
        pools.values().forEach(ThreadPoolExecutor::shutdownNow);
    }
}
