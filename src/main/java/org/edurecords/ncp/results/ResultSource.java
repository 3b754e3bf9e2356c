package org.edurecords.ncp.results;

import java.util.List;

/**
 * Where results come from: the embedded store today; live institution endpoints are further
 * implementations of the same interface.
 */
public interface ResultSource {

    /** A short name for logs and metrics. */
    String name();

    /** The learner's results per institution; an empty list when this source knows nothing of them. */
    List<InstitutionResults> fetch(Learner learner);
}
