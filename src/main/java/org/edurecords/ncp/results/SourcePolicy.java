package org.edurecords.ncp.results;

import java.time.Duration;

/**
 * How long one attempt may take and how often a transient failure is retried.
 *
 * @param retries extra attempts after a transient failure (0 = no retry)
 */
public record SourcePolicy(Duration timeout, int retries) {
}
