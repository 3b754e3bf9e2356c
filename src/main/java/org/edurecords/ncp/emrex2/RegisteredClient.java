package org.edurecords.ncp.emrex2;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** An EMREX 2.0 client as registered (placeholder of the provider's type until it is merged). */
public record RegisteredClient(String clientId, List<String> redirectUris, Map<String, String> names, String logo,
        String trustLevel, String email, String website, String publicKeyPem, Instant activeFrom) {
}
