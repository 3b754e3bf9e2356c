package org.edurecords.ncp.emrex2;

import java.util.List;

/**
 * Clients registered by the running service itself rather than by a registry source: the built-in demo client
 * registers itself this way in the demo profile. Merged into {@link ClientRegistry}.
 */
public interface LocalClientRegistrations {

    List<RegisteredClient> clients();
}
