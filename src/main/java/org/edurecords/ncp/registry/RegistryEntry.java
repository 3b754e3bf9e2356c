package org.edurecords.ncp.registry;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One NCP as a registry lists it: where clients send students and which certificates sign its documents.
 *
 * @param acronym      display name and lookup key
 * @param countryCode  ISO 3166-1 alpha-2
 * @param url          the entry URL clients POST to, exactly as registered
 * @param institutions names of the covered institutions
 * @param certificates signing certificates; several during a key rollover
 * @param origin       where the entry came from: {@code self} or the registry source it was read from
 */
public record RegistryEntry(String acronym, String countryCode, String url, List<String> institutions,
        List<X509Certificate> certificates, String origin) {

    public RegistryEntry {
        Objects.requireNonNull(url, "url");
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
        certificates = List.copyOf(certificates);
    }

    /** The name to show for this NCP: the acronym, else the URL. */
    public String label() {
        return acronym == null || acronym.isBlank() ? url : acronym;
    }

    /** Whether a receiver's "expected NCP" (acronym or entry URL) names this entry. */
    public boolean matches(String acronymOrUrl) {
        if (acronymOrUrl == null || acronymOrUrl.isBlank()) {
            return true;
        }
        String wanted = acronymOrUrl.strip();
        return wanted.equalsIgnoreCase(acronym) || wanted.equals(url);
    }
}
