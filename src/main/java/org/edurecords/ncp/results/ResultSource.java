package org.edurecords.ncp.results;

import java.util.List;
import java.util.Optional;

/**
 * Where results come from: the embedded store, or an institution's live endpoint. The fan-out in
 * {@link ResultService} calls every source in parallel with its own timeout, retries and circuit breaker.
 */
public interface ResultSource {

    /** A short name for logs, metrics and health checks; unique among sources. */
    String name();

    /**
     * The learner's results per institution; an empty list when this source knows nothing of them.
     *
     * @param deadline when the fan-out stops waiting; a source that talks to another system gives up then and
     *        releases what it holds (the thread, the connection), so that a slow peer never holds more
     * @throws SourceException when the source cannot deliver a trustworthy answer
     */
    List<InstitutionResults> fetch(Learner learner, Deadline deadline);

    /** The one institution this source speaks for, when it speaks for exactly one (a live endpoint). */
    default Optional<String> institutionSchac() {
        return Optional.empty();
    }

    /** Per-source limits; sources without their own settings use the defaults of {@code ncp.sources}. */
    default Optional<SourcePolicy> policy() {
        return Optional.empty();
    }
}
