package org.edurecords.ncp.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the NCP; every key is documented in docs/configuration.md. */
@ConfigMapping(prefix = "ncp")
public interface NcpConfig {

    /** Name of this contact point as receivers and students see it. */
    @WithDefault("EMREX NCP")
    String name();

    /** Public base URL, used in verification hints. */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    Emrex emrex();

    Signing signing();

    Demo demo();

    Elmo elmo();

    interface Emrex {
        /** How long a transfer may stay open before it answers "session expired". */
        @WithDefault("30M")
        Duration sessionExpiry();

        /** Allow {@code http} return URLs to loopback hosts (development only). */
        @WithDefault("false")
        boolean allowHttpLoopback();

        /** When set, only these return hosts are accepted. */
        Optional<List<String>> allowedReturnHosts();

        /** {@code NCP} for NCP_* return codes, {@code EMP} for EMP_*. */
        @WithDefault("NCP")
        String returnCodeFamily();
    }

    interface Signing {
        /** PEM private key (PKCS#8 or PKCS#1). Used with {@link #certificatePath()}. */
        Optional<String> keyPath();

        /** PEM certificate belonging to {@link #keyPath()}. */
        Optional<String> certificatePath();

        /** PKCS#12 key store, as an alternative to the PEM pair. */
        Optional<String> pkcs12Path();

        Optional<String> pkcs12Password();

        Optional<String> pkcs12Alias();

        /** Whether the development key of keys-example/ may be used; never in production. */
        @WithDefault("false")
        boolean allowExampleKey();
    }

    interface Demo {
        /** Enables the demo login (anna/demo, bjorn/demo). Refused in the production profile. */
        @WithDefault("false")
        boolean loginEnabled();

        /** Loads the demo learners and results at start-up (into an empty register only). */
        @WithDefault("false")
        boolean seedData();

        /** Enables the built-in demo client at /demo-client. */
        @WithDefault("false")
        boolean clientEnabled();

        /** PEM certificate the demo client trusts; defaults to ncp.signing.certificate-path. */
        Optional<String> clientCertificatePath();
    }

    interface Elmo {
        /** Credit scheme name written into ELMO {@code credit/scheme}. */
        @WithDefault("ects")
        String creditScheme();

        /** Whether learner identifiers (national identity number) may be written into ELMO. */
        @WithDefault("false")
        boolean includeLearnerIdentifiers();
    }

    // --- PDF transcript

    Pdf pdf();

    interface Pdf {
        /**
         * Whether the PDF transcript carries its own PAdES signature with the NCP key, so that it can be
         * checked after it was taken out of the ELMO document.
         */
        @WithDefault("true")
        boolean padesSignature();
    }
}
