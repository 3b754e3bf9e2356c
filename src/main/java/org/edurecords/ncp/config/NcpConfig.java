package org.edurecords.ncp.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;


import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of the NCP; every key is documented in docs/configuration.md. */
@ConfigMapping(prefix = "ncp")
public interface NcpConfig {

    /** Name of this contact point as receivers and students see it. */
    @WithDefault("EMREX NCP")
    String name();

    /**
     * The public base URL (scheme, host, port, no trailing slash): every absolute URL the service writes, in
     * redirects, links, the registry entry and the PDF, starts with it; never with the request's Host header.
     * Read it through {@code web.PublicUrl}.
     */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /**
     * Demo only: keep the public URL's scheme and host but use the port the service really listens on, so a
     * demo started on any port links to itself. The production profile refuses it.
     */
    @WithDefault("false")
    boolean publicUrlFollowsPort();

    /**
     * Time zone in which people see times: the pages, the PDF transcript, e-mails and the ledger's CSV export (with
     * the offset). Machine formats (ELMO, the JSON export, the APIs) use UTC.
     */
    @WithDefault("Europe/Oslo")
    ZoneId timeZone();

    Emrex emrex();

    Emrex2 emrex2();

    /** Credentials besides higher-education results (docs/competence.md). */
    Competence competence();

    interface Competence {
        /**
         * Registers that serve a person's credentials live, keyed by the source name their credentials get
         * ({@code ncp.competence.live.<source>.url}): asked when the person logs in, kept as an import of theirs.
         */
        Map<String, LiveRegister> live();
    }

    interface LiveRegister {
        /** Where the register answers {@code POST {"nationalIdentifier": ...}}; https in production. */
        String url();

        /** The register's name as people read it (the page names a register it could not read); else the key. */
        Optional<String> name();

        /** A bearer token for the register, if it wants one. */
        Optional<String> token();

        /** How long a login waits for it; after that the credentials last read are shown. */
        @WithDefault("PT3S")
        Duration timeout();
    }

    /**
     * The receivers this service answers, keyed by a short id: a transfer is accepted only with a return URL on one
     * of their hosts (ADR 0207). The production profile refuses to start without any.
     */
    Map<String, Receiver> receivers();

    interface Receiver {
        /** The receiver's name per language tag ({@code name.en}, {@code name.nb}, ...), as students see it. */
        Map<String, String> name();

        /**
         * Hosts its return URLs may have: an exact host ({@code opptak.example.no}), or {@code *.example.no} for any
         * host below that domain (not the domain itself).
         */
        List<String> returnHosts();

        /** Where the entry comes from, when it was taken from an EMREG list (its {@code url} there). */
        Optional<String> emregEntry();

        /**
         * Bearer token of this receiver's case system for {@code /api/receiver} (docs/receivers.md); the receiver
         * cannot use the API while it is unset. At least 32 characters in production.
         */
        Optional<String> apiToken();

        /**
         * Where evaluated requests are POSTed (signed, docs/receivers.md "Webhook"); https in production. Without it,
         * the case system reads results with {@code GET /api/receiver/requests/{id}} only.
         */
        Optional<String> webhookUrl();

        /**
         * The OAuth2 client of this receiver's case system at the operator's identity provider: a bearer token of the
         * {@code receiver-api} tenant whose client claim is this value calls the API as this receiver
         * ({@code ncp.receiving.oauth.*}, ADR 0861). No two receivers may have the same one.
         */
        Optional<String> oauthClientId();

        /**
         * The receiver as an EMREX 2.0 client (EMC) of the NCPs its applicants fetch results from; without it,
         * those NCPs are reached with EMREX 1.0 only (docs/receivers.md, "EMREX 2.0").
         */
        Optional<ReceiverClient> emrex2();
    }

    interface ReceiverClient {
        /** The client id registered for this receiver in EMREG ({@code GET /clients/{clientId}}). */
        String clientId();

        /**
         * PEM private key (RSA: RS256, EC P-256: ES256) of the client assertion; its public key is the one
         * registered in EMREG.
         */
        String key();
    }

    /** The receiver side of EMREX: results requests of case systems, their evaluation and delivery. */
    Receiving receiving();

    interface Receiving {
        /** How long an applicant has to fetch their results after the case system asked. */
        @WithDefault("P14D")
        Duration requestLifetime();

        /**
         * How long a request's personal data (expected person, answers, documents, evaluation) is kept after it was
         * created; then the request is deleted with everything under it.
         */
        @WithDefault("P90D")
        Duration retention();

        /** How long the webhook of an evaluated request is retried before it is given up (it stays readable by the API). */
        @WithDefault("PT24H")
        Duration webhookRetryFor();

        /** The wait after the first failed delivery; each further failure doubles it, up to {@code webhook-max-backoff}. */
        @WithDefault("PT30S")
        Duration webhookFirstBackoff();

        @WithDefault("PT1H")
        Duration webhookMaxBackoff();

        /** Connect and answer time allowed to a receiver's webhook endpoint per attempt. */
        @WithDefault("PT10S")
        Duration webhookTimeout();

        /**
         * How long a call to an EMREX 2.0 provider's token or resource endpoint may take, while the applicant waits
         * on the redirect back.
         */
        @WithDefault("PT20S")
        Duration providerTimeout();

        /** How often the outbox is looked at for due deliveries (a Quarkus scheduler interval). */
        @WithDefault("10s")
        String webhookPollEvery();

        /** A directory whose {@code *.json} files are requirement profiles, besides the built-in ones (ADR 0851). */
        Optional<String> profilesDir();

        /** The case workers' pages ({@code /case-worker}, docs/receivers.md). */
        CaseWorker caseWorker();

        /** OAuth2 bearer tokens of the operator's identity provider for the receivers' API (ADR 0861). */
        OAuth oauth();

        interface OAuth {
            /**
             * Whether the API accepts access tokens of the {@code receiver-api} quarkus-oidc tenant besides the
             * receivers' {@code api-token}s; the tenant is enabled with it ({@code quarkus.oidc.receiver-api.*}).
             */
            @WithDefault("false")
            boolean enabled();

            /** The access token claim that names the client; {@code client_id} is read when it is absent. */
            @WithDefault("azp")
            String clientIdClaim();

            /** A scope the token must carry (its {@code scope} claim, words separated by spaces); none when unset. */
            Optional<String> requiredScope();

            /** How long a token check may wait for the identity provider (its keys); then the call answers 503. */
            @WithDefault("PT10S")
            Duration timeout();
        }

        interface CaseWorker {
            /** The ID token claim that lists a case worker's roles (a JSON array, or words separated by spaces or commas). */
            @WithDefault("roles")
            String rolesClaim();

            /** A role {@code <prefix><receiver id>} lets its holder see that receiver's requests. */
            @WithDefault("receiver:")
            String rolePrefix();

            /** A case worker's session unused for this long ends. */
            @WithDefault("PT30M")
            Duration idleTimeout();

            /** A case worker's session ends this long after the login, used or not. */
            @WithDefault("PT8H")
            Duration absoluteTimeout();

            /**
             * Demo only, with the demo login on: user names (password {@code demo}) and the receiver each works for.
             * The production profile refuses the demo login, and so these.
             */
            Map<String, String> demoAccounts();
        }
    }

    Signing signing();

    Demo demo();

    Elmo elmo();

    Sources sources();

    Admin admin();

    Operations operations();

    Auth auth();

    Registry registry();

    Verify verify();

    Http http();

    interface Http {
        /**
         * Largest request body of every path without a larger limit of its own (docs/configuration.md): the
         * pages' forms, the EMREX entry, the admin API's other calls and any import sent without the admin token.
         */
        @WithDefault("65536")
        long maxRequestBytes();
    }

    interface Emrex {
        /** How long a transfer may stay open before it answers "session expired". */
        @WithDefault("30M")
        Duration sessionExpiry();

        /** Allow {@code http} return URLs to loopback hosts (development only). */
        @WithDefault("false")
        boolean allowHttpLoopback();

        /** {@code NCP} for NCP_* return codes, {@code EMP} for EMP_*. */
        @WithDefault("NCP")
        String returnCodeFamily();
    }

    /** EMREX 2.0 (docs/emrex2.md): the registered clients and the lifetimes of codes and tokens. */
    interface Emrex2 {
        /**
         * Where the registered clients (EMC entries, EMREG 2.0 format) are read: file paths or https URLs, comma
         * separated; a URL ending in {@code /} is the EMREG API ({@code {url}clients/{clientId}}).
         */
        Optional<List<String>> clientRegistry();

        /** How often a registry source is read again; the last good copy is kept when a read fails. */
        @WithDefault("5M")
        Duration clientRegistryRefresh();

        /** How long an authorization code may be redeemed (at most 60 seconds). */
        @WithDefault("60S")
        Duration codeLifetime();

        /** How long an access token is valid (at most 300 seconds). */
        @WithDefault("300S")
        Duration tokenLifetime();

        /** Clock skew allowed when checking a client assertion's times. */
        @WithDefault("30S")
        Duration clockSkew();
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

        /**
         * The demo client's EMREX 2.0 private key (PKCS#8 PEM): generated there at the first start with the demo
         * client on, reused later; its public key is the demo client's registration (docs/emrex2.md).
         */
        @WithDefault("data/demo-client-emrex2.key.pem")
        String clientEmrex2Key();
    }

    interface Elmo {
        /** Credit scheme name written into ELMO {@code credit/scheme}. */
        @WithDefault("ects")
        String creditScheme();

        /** Whether learner identifiers (national identity number) may be written into ELMO. */
        @WithDefault("false")
        boolean includeLearnerIdentifiers();
    }

    // --- live result sources, import API and operations (docs/result-sources.md, docs/operations.md)

    interface Sources {
        /**
         * Longest time one source may take for one learner's answer, everything included: waiting for a free
         * call slot, connecting, the headers, the whole body, retries (per source: {@code http.<name>.timeout}).
         */
        @WithDefault("5S")
        Duration timeout();

        /** Extra attempts after a transient failure (connection refused or reset, HTTP 5xx), while time is left. */
        @WithDefault("1")
        int retries();

        /** Pause before a retry. */
        @WithDefault("200MS")
        Duration retryDelay();

        /** Hard upper bound for the whole fan-out, whatever the per-source settings add up to. */
        @WithDefault("15S")
        Duration overallTimeout();

        /**
         * Threads that call sources in parallel, shared by all transfers. Each source gets an equal share as its
         * bulkhead (at least 2 calls at once) unless {@code http.<name>.max-concurrent} says otherwise, so a slow
         * institution can hold only its own share.
         */
        @WithDefault("16")
        int threads();

        CircuitBreaker circuitBreaker();

        /** Live ELMO endpoints, one per institution, keyed by a short source name. */
        Map<String, HttpSource> http();

        interface CircuitBreaker {
            /** Calls looked at when deciding to open the circuit. */
            @WithDefault("6")
            int requestVolumeThreshold();

            /** Share of failed calls among them that opens the circuit. */
            @WithDefault("0.5")
            double failureRatio();

            /** How long an open circuit stays open before one trial call. */
            @WithDefault("30S")
            Duration delay();
        }

        interface HttpSource {
            @WithDefault("true")
            boolean enabled();

            /** SCHAC code of the institution; it must be in the institution directory. */
            String institution();

            /**
             * Endpoint URL; {@code {learner}} is replaced by the URL-encoded national identifier. A template
             * starting with {@code /} is resolved against this service's own HTTP port (demo only).
             */
            String urlTemplate();

            /** Sent as {@code Authorization: Bearer ...} when set. */
            Optional<String> bearerToken();

            /** PKCS#12 key store with the TLS client certificate, when the endpoint asks for one. */
            Optional<String> keyStorePath();

            Optional<String> keyStorePassword();

            /** PKCS#12 trust store for the endpoint's server certificate; the JDK's trust store when unset. */
            Optional<String> trustStorePath();

            Optional<String> trustStorePassword();

            /** Overrides {@code ncp.sources.timeout} for this source. */
            Optional<Duration> timeout();

            /** Overrides {@code ncp.sources.retries} for this source. */
            Optional<Integer> retries();

            /** This source's bulkhead: calls at once; its share of {@code ncp.sources.threads} when unset. */
            Optional<Integer> maxConcurrent();

            /** Larger answers are cut off and the source is marked as having sent invalid data. */
            @WithDefault("5242880")
            long maxResponseBytes();
        }
    }

    interface Admin {
        /**
         * Bearer token of the admin import API; the API answers 404 while it is unset. Use a long random
         * value (at least 32 characters; the production profile refuses shorter ones).
         */
        Optional<String> token();

        /** Largest import (JSON, ELMO or CSV body) a call with the admin token may send, in bytes. */
        @WithDefault("16000000")
        long maxImportBytes();
    }

    interface Operations {
        /** How long closed or expired EmrexSession rows (and their result snapshots) are kept. */
        @WithDefault("PT24H")
        Duration sessionRetention();

        /** How often expired EmrexSession rows are purged (a scheduler interval such as {@code 15m}). */
        @WithDefault("15m")
        String purgeEvery();

        /** The signing certificate must stay valid at least this long for the service to report ready. */
        @WithDefault("P30D")
        Duration certificateMinimumValidity();

        /** Readiness is DOWN when the database does not commit the readiness check's write within this time. */
        @WithDefault("3S")
        Duration readinessWriteTimeout();
    }

    // --- student authentication -----------------------------------------------------------------

    interface Auth {
        Session session();

        Oidc oidc();

        Header header();

        /** The portal session that follows a login on a direct visit. */
        interface Session {
            /** A session unused for this long ends. */
            @WithDefault("30M")
            Duration idleTimeout();

            /** A session ends this long after login, however active. */
            @WithDefault("8H")
            Duration absoluteTimeout();

            /** Marks the session cookie Secure; only the demo profile may switch it off (plain http). */
            @WithDefault("true")
            boolean secureCookie();
        }

        /**
         * OpenID Connect login (ID-porten, Feide, Keycloak as a broker). The protocol settings
         * themselves are the quarkus.oidc.* keys; these say how claims map to a learner.
         */
        interface Oidc {
            @WithDefault("false")
            boolean enabled();

            /** Label of the login button, e.g. "ID-porten" or "Feide". */
            @WithDefault("ID-porten")
            String displayName();

            /** Claim holding the person identifier, e.g. pid (ID-porten) or eduPersonPrincipalName. */
            @WithDefault("pid")
            String personIdClaim();

            /** Identifier scheme of that claim: nin, feide, eppn, esi or another learner_identifier scheme. */
            @WithDefault("nin")
            String identifierScheme();

            /** When set, the login fails unless the ID token carries this claim. */
            Optional<String> givenNameClaim();

            Optional<String> familyNameClaim();

            Optional<String> birthDateClaim();

            /**
             * Where logout also ends the session at the identity provider (its end_session_endpoint).
             * Unset: logout ends only our session, which never logs the person out of other services.
             */
            Optional<String> endSessionUrl();
        }

        /** Login by attributes a SAML service provider (Shibboleth SP) in front of us puts into request headers. */
        interface Header {
            @WithDefault("false")
            boolean enabled();

            /** Label of the login link, e.g. "Feide" or "eduGAIN". */
            @WithDefault("Institution login")
            String displayName();

            /** Addresses (IP or CIDR) of the proxies that may set the attribute headers; all others are refused. */
            Optional<List<String>> trustedProxies();

            @WithDefault("eppn")
            String personIdHeader();

            /** Identifier scheme of that header's value. */
            @WithDefault("feide")
            String identifierScheme();

            /** When set, the login fails unless the request carries this header. */
            Optional<String> givenNameHeader();

            Optional<String> familyNameHeader();

            Optional<String> birthDateHeader();
        }
    }

    // --- trust: registry entries, registry consumption, verifier ---

    interface Registry {
        /** Acronym of this NCP in the EMREG list (display name and lookup key of some clients). */
        @WithDefault("EDU-NCP")
        String acronym();

        /** ISO 3166-1 alpha-2 country code of this NCP. */
        @WithDefault("NO")
        String countryCode();

        /** Names of the institutions this NCP covers; EMREG convention for a national NCP is "All". */
        @WithDefault("All")
        List<String> institutions();

        /** The entry URL exactly as registered; defaults to {@code ncp.public-url + "/emrex"}. */
        Optional<String> entryUrl();

        /** EMREG 2.0 {@code adminEmail}: where the registry and receivers reach the operator. */
        Optional<String> adminEmail();

        /** EMREG 2.0 {@code website}; defaults to the public URL. */
        Optional<String> website();

        /** EMREG 2.0 {@code requiredTrustLevel} of the clients this NCP answers (absent: any registered client). */
        Optional<String> requiredTrustLevel();

        /**
         * PEM certificates published next to the signing certificate, so that receivers learn the next key
         * before it signs anything (rollover without a flag day).
         */
        Optional<List<String>> nextCertificatePaths();

        /** EMREG JSON list of other NCPs ({@code ncps} or {@code emps}): an http(s) URL. */
        Optional<String> sourceUrl();

        /** EMREG JSON list of other NCPs from a file; used when {@link #sourceUrl()} is not set. */
        Optional<String> sourceFile();

        /** Where the last good copy of the fetched list is kept, so a restart survives a registry outage. */
        @WithDefault("data/registry-cache.json")
        String cacheFile();

        /** How often the list is fetched again. */
        @WithDefault("15M")
        Duration refreshInterval();

        /** Timeout of one fetch of the list. */
        @WithDefault("10S")
        Duration fetchTimeout();

        /** Largest registry document accepted, in bytes. */
        @WithDefault("5000000")
        int maxBytes();

        /** Whether this NCP's own published entry counts as a known NCP (to verify our own documents). */
        @WithDefault("true")
        boolean trustSelf();
    }

    interface Verify {
        /** Largest decompressed ELMO document accepted, in bytes (gzip bomb limit). */
        @WithDefault("16000000")
        long maxDocumentBytes();

        /** Accept rsa-sha1 / sha1 signatures, reported as weak. Legacy NCPs still sign this way. */
        @WithDefault("false")
        boolean allowSha1();

        /** Largest request to POST /api/verify, in bytes. */
        @WithDefault("8000000")
        int maxRequestBytes();

        /**
         * Verifications at once on this instance. One verification may hold its request, the decompressed document
         * and its DOM (several times the document); more requests are answered 503 with Retry-After before their
         * body is read, so the memory they can make the service hold stays bounded.
         */
        @WithDefault("2")
        int maxConcurrent();
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

    // --- disclosure ledger (docs/ledger.md)

    Ledger ledger();

    interface Ledger {
        /**
         * How long a ledger row is kept after the disclosure it records; the retention job deletes older
         * rows. The default is ten years.
         */
        @WithDefault("P3653D")
        Duration retention();

        /** How often the retention job runs (a scheduler interval such as {@code 6h}). */
        @WithDefault("6h")
        String purgeEvery();
    }

    // --- limits per client address (docs/operations.md)

    RateLimit rateLimit();

    /**
     * Requests per client address (IPv4 address, IPv6 /64) that create something or start a login, counted in
     * memory by each instance on its own. A limit allows {@code burst} requests at once and then one every
     * {@code 60 s / per-minute}.
     */
    interface RateLimit {
        /** Switches every limit of this group on or off. */
        @WithDefault("true")
        boolean enabled();

        /** Addresses remembered per limit; beyond this the least used are forgotten (and start afresh). */
        @WithDefault("50000")
        int maxAddresses();

        /** {@code POST /emrex}: new EMREX flows. */
        FlowCreation flowCreation();

        /** Every login step: the demo login forms, the starts of the OIDC and header logins. */
        Login login();

        /** New share links ({@code POST /my-results/share/create}). */
        ShareCreation shareCreation();

        /** Share links sent by e-mail ({@code POST /my-results/links/{id}/email}). */
        ShareEmail shareEmail();

        // One group per limit, each with its own defaults: sustained requests per minute per address, and how
        // many an address may make at once before that rate applies.

        interface FlowCreation {
            @WithDefault("30")
            int perMinute();

            @WithDefault("10")
            int burst();
        }

        interface Login {
            @WithDefault("30")
            int perMinute();

            @WithDefault("10")
            int burst();
        }

        interface ShareCreation {
            @WithDefault("10")
            int perMinute();

            @WithDefault("5")
            int burst();
        }

        interface ShareEmail {
            @WithDefault("2")
            int perMinute();

            @WithDefault("5")
            int burst();
        }
    }

    // --- share by link (docs/sharing.md)

    Sharing sharing();

    interface Sharing {
        /** The longest validity an owner may choose for a link (the choices run from one day to this). */
        @WithDefault("P365D")
        Duration maxValidity();

        /**
         * How long the snapshot of an expired or deactivated link is kept before the purge job deletes it;
         * 0 deletes it at the job's next run. The ledger keeps the fact of the disclosure either way.
         */
        @WithDefault("0S")
        Duration snapshotRetention();

        /** How often the purge job runs (snapshots past retention, old attempts, expired grants). */
        @WithDefault("15m")
        String purgeEvery();

        /**
         * Wrong access codes per link from one network (an IPv4 /24, an IPv6 /64) within {@link #attemptWindow()};
         * the one that reaches it makes that network wait, while others can still enter the right code.
         */
        @WithDefault("10")
        int attemptLimit();

        /**
         * Wrong access codes per link from all networks together within {@link #attemptWindow()}; the one that
         * reaches it locks the link for everyone. High enough that a few strangers cannot reach it (docs/adr/0604).
         */
        @WithDefault("1000")
        int linkAttemptLimit();

        /** The sliding window in which wrong codes are counted; a wait or lock ends when the window has moved on. */
        @WithDefault("1H")
        Duration attemptWindow();

        /** How long a recipient's browser may view and download after entering the right code. */
        @WithDefault("30M")
        Duration grantDuration();

        /**
         * How many times the owner may have one link e-mailed by this service; beyond it the service refuses, so
         * that no link turns the service into a sender of mass e-mail. The owner can still pass the link on himself.
         */
        @WithDefault("10")
        int maxEmailsPerLink();

        /**
         * How long one attempt to hand an e-mail to the mail server may take; a stalled attempt is tried once more
         * on a new connection, then the owner is told it failed (503). A mail server that stops answering never
         * holds the request, or the link's row, for ever.
         */
        @WithDefault("10S")
        java.time.Duration emailTimeout();
    }

    // --- help, privacy and contact pages

    Contact contact();

    /** Who answers the people using this service: shown on the contact, privacy and accessibility pages. */
    interface Contact {
        /** The operator's name per language tag ({@code name.en}, {@code name.nb}, ...); {@code ncp.name} when unset. */
        Map<String, String> name();

        /** The address people write to about the service, their data, erasure and accessibility. */
        Optional<String> email();

        /** A telephone number, shown as written. */
        Optional<String> phone();

        /** The operator's own web page about the service. */
        Optional<String> url();
    }
}
