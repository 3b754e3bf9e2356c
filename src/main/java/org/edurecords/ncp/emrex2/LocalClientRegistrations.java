package org.edurecords.ncp.emrex2;

import java.util.List;

/** In-process client registrations (placeholder of the provider's type until it is merged). */
public interface LocalClientRegistrations {

    List<RegisteredClient> clients();
}
