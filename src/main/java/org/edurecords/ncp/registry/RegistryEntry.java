package org.edurecords.ncp.registry;

import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * One NCP as a registry lists it: where clients send students and which certificates sign its documents.
 *
 * @param acronym      display name and lookup key
 * @param countryCode  ISO 3166-1 alpha-2
 * @param url          the entry URL clients POST to, exactly as registered; for an NCP that offers EMREX 2.0 only,
 *                     its authorization URL
 * @param institutions names of the covered institutions
 * @param certificates signing certificates; several during a key rollover
 * @param origin       where the entry came from: {@code self} or the registry source it was read from
 * @param emrex2       its EMREX 2.0 endpoints (EMREG 2.0 {@code emreg2Props}), null when it offers EMREX 1.0 only
 */
public record RegistryEntry(String acronym, String countryCode, String url, List<String> institutions,
        List<X509Certificate> certificates, String origin, Emrex2 emrex2) {

    /**
     * The three EMREX 2.0 URLs of an NCP, as its EMREG 2.0 entry publishes them, and the data formats it lists
     * ({@code supportedDataFormats}; empty when the entry lists none, which means ELMO alone).
     */
    public record Emrex2(String authorizationUrl, String tokenUrl, String resourceUrl, List<DataFormat> dataFormats) {
        public Emrex2 {
            Objects.requireNonNull(authorizationUrl, "authorizationUrl");
            Objects.requireNonNull(tokenUrl, "tokenUrl");
            Objects.requireNonNull(resourceUrl, "resourceUrl");
            dataFormats = dataFormats == null ? List.of() : List.copyOf(dataFormats);
        }

        public Emrex2(String authorizationUrl, String tokenUrl, String resourceUrl) {
            this(authorizationUrl, tokenUrl, resourceUrl, List.of());
        }

        /** Whether the entry lists this format in exactly this version (a format's versions are not compatible). */
        public boolean offers(String name, String version) {
            return dataFormats.stream().anyMatch(f -> f.name().equals(name) && version.equals(f.version()));
        }
    }

    /** One of {@code supportedDataFormats}: its name ({@code elmo}, {@code competence}) and version (null: none given). */
    public record DataFormat(String name, String version) {
        public DataFormat {
            Objects.requireNonNull(name, "name");
        }
    }

    public RegistryEntry {
        Objects.requireNonNull(url, "url");
        institutions = institutions == null ? List.of() : List.copyOf(institutions);
        certificates = List.copyOf(certificates);
    }

    /** An EMREX 1.0 entry. */
    public RegistryEntry(String acronym, String countryCode, String url, List<String> institutions,
            List<X509Certificate> certificates, String origin) {
        this(acronym, countryCode, url, institutions, certificates, origin, null);
    }

    /** Whether students can be sent to it with the EMREX 1.0 form (an entry URL, not only 2.0 endpoints). */
    public boolean offersEmrex1() {
        return emrex2 == null || !url.equals(emrex2.authorizationUrl());
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
