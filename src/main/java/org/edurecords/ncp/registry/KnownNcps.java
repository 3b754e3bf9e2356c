package org.edurecords.ncp.registry;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

/**
 * The NCPs this service knows, with their certificates: read from an EMREG JSON list (URL or file), kept in
 * memory and in a cache file, refreshed on a schedule. A failed refresh never replaces a good copy: the
 * verifier keeps working with the last list that could be read, and the status says how old it is.
 */
@ApplicationScoped
@Startup
public class KnownNcps {

    private static final Logger LOG = Logger.getLogger(KnownNcps.class);

    /** What the last load attempts achieved; shown by {@code GET /api/registry}. */
    public record Status(String source, Instant loadedAt, String loadedFrom, Instant lastAttempt, String lastError,
            int entries, List<String> skipped) {
    }

    @Inject
    NcpConfig config;

    @Inject
    OwnRegistryEntry own;

    @Inject
    Clock clock;

    private volatile EmregList list = new EmregList(List.of(), List.of());
    private volatile Instant loadedAt;
    private volatile String loadedFrom;
    private volatile Instant lastAttempt;
    private volatile String lastError;

    @PostConstruct
    void init() {
        if (source().isEmpty()) {
            LOG.info("No registry source configured (ncp.registry.source-url / source-file);"
                    + " only this NCP's own certificates are known");
            return;
        }
        if (!refresh()) {
            loadCache();
        }
    }

    @Scheduled(every = "{ncp.registry.refresh-interval}", delayed = "{ncp.registry.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        if (source().isPresent()) {
            refresh();
        }
    }

    /** Every known NCP: this one first (when {@code ncp.registry.trust-self}), then the registry's. */
    public List<RegistryEntry> entries() {
        List<RegistryEntry> all = new ArrayList<>();
        if (config.registry().trustSelf()) {
            all.add(own.entry());
        }
        all.addAll(list.entries());
        return all;
    }

    public Status status() {
        return new Status(source().orElse("none"), loadedAt, loadedFrom, lastAttempt, lastError,
                list.entries().size(), list.skipped());
    }

    /**
     * Reads the source now. On success the list and the cache file are replaced; on failure both stay as
     * they were.
     *
     * @return whether the source could be read
     */
    public synchronized boolean refresh() {
        Optional<String> source = source();
        if (source.isEmpty()) {
            return false;
        }
        lastAttempt = clock.instant();
        try {
            byte[] body = RegistrySource.read(source.get(), config.registry().fetchTimeout(),
                    config.registry().maxBytes());
            EmregList fresh = EmregList.parse(body, source.get());
            for (String skipped : fresh.skipped()) {
                LOG.warnf("Registry entry left out: %s", skipped);
            }
            install(fresh, source.get());
            lastError = null;
            writeCache(body);
            LOG.infof("Registry loaded from %s: %d NCPs", source.get(), fresh.entries().size());
            return true;
        } catch (IOException | RuntimeException e) {
            lastError = e.getMessage();
            LOG.warnf("Registry %s could not be read (%s); keeping the copy loaded at %s", source.get(),
                    e.getMessage(), loadedAt == null ? "never" : loadedAt);
            return false;
        }
    }

    private void install(EmregList fresh, String from) {
        list = fresh;
        loadedAt = clock.instant();
        loadedFrom = from;
    }

    private void loadCache() {
        Path cache = Path.of(config.registry().cacheFile());
        if (!Files.isRegularFile(cache)) {
            LOG.warnf("No cached registry copy at %s; no other NCP is known until the registry can be read", cache);
            return;
        }
        try {
            install(EmregList.parse(Files.readAllBytes(cache), "cache " + cache), "cache " + cache);
            LOG.infof("Using the cached registry copy %s (%d NCPs) until the registry can be read", cache,
                    list.entries().size());
        } catch (IOException e) {
            LOG.warnf("Cached registry copy %s is unreadable: %s", cache, e.getMessage());
        }
    }

    private void writeCache(byte[] body) {
        Path cache = Path.of(config.registry().cacheFile()).toAbsolutePath();
        try {
            Files.createDirectories(cache.getParent());
            Path tmp = Files.createTempFile(cache.getParent(), "registry", ".tmp");
            Files.write(tmp, body);
            try {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, cache, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            LOG.warnf("Cannot write the registry cache %s: %s", cache, e.getMessage());
        }
    }

    private Optional<String> source() {
        return config.registry().sourceUrl().or(() -> config.registry().sourceFile())
                .map(String::strip).filter(s -> !s.isEmpty());
    }
}
