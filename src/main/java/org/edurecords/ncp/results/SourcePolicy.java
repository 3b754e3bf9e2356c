package org.edurecords.ncp.results;

import java.time.Duration;

/**
 * A source's limits for one fan-out.
 *
 * @param timeout the longest the source may take for one learner's answer: waiting for a free slot,
 *        connecting, the headers, the whole body and any retries
 * @param retries extra attempts after a transient failure (0 = no retry), made only while time is left
 * @param maxConcurrent how many calls of this source may run at once (its bulkhead); further calls wait
 *        for a slot until their deadline
 */
public record SourcePolicy(Duration timeout, int retries, int maxConcurrent) {
}
