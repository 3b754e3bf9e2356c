package org.edurecords.ncp.config;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Refuses to start the production profile with settings that are only safe for a demonstration:
 * the demo login, the demo client, the example signing key, or http return URLs.
 */
@ApplicationScoped
public class ProductionSafety {

    private static final Logger LOG = Logger.getLogger(ProductionSafety.class);

    @Inject
    NcpConfig config;

    void check(@Observes StartupEvent event) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (!profiles.contains("prod")) {
            return;
        }
        List<String> problems = unsafeSettings(config);
        var csrf = ConfigProvider.getConfig();
        problems.addAll(unsafeReceiverOAuth(config, csrf));
        if (!csrf.getOptionalValue("quarkus.rest-csrf.cookie-name", String.class).orElse("").startsWith("__Host-")
                || !csrf.getOptionalValue("quarkus.rest-csrf.cookie-force-secure", Boolean.class).orElse(false)) {
            problems.add("the CSRF cookie must be a Secure __Host- cookie (quarkus.rest-csrf.cookie-name=__Host-...,"
                    + " quarkus.rest-csrf.cookie-force-secure=true)");
        }
        if (!problems.isEmpty()) {
            String message = "Refusing to start the production profile: " + String.join("; ", problems);
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    static List<String> unsafeSettings(NcpConfig config) {
        List<String> problems = new ArrayList<>();
        if (config.demo().loginEnabled()) {
            problems.add("ncp.demo.login-enabled must be false");
        }
        if (config.demo().seedData()) {
            problems.add("ncp.demo.seed-data must be false");
        }
        if (config.demo().clientEnabled()) {
            problems.add("ncp.demo.client-enabled must be false");
        }
        if (config.signing().allowExampleKey()) {
            problems.add("ncp.signing.allow-example-key must be false");
        }
        if (config.emrex().allowHttpLoopback()) {
            problems.add("ncp.emrex.allow-http-loopback must be false (return URLs must use https)");
        }
        if (!config.publicUrl().strip().startsWith("https://")) {
            problems.add("ncp.public-url must be the service's public https address (every link and redirect uses it)");
        }
        if (config.publicUrlFollowsPort()) {
            problems.add("ncp.public-url-follows-port must be false");
        }
        config.registry().sourceUrl().filter(u -> u.strip().startsWith("http://")).ifPresent(u ->
                problems.add("ncp.registry.source-url must use https: the registry decides which signatures are trusted"));
        config.admin().token().filter(t -> !t.isBlank() && t.length() < 32).ifPresent(
                t -> problems.add("ncp.admin.token must be at least 32 characters"));
        for (String source : org.edurecords.ncp.results.http.HttpElmoSources.plainHttpSources(config)) {
            problems.add("ncp.sources.http." + source + ".url-template must use https");
        }
        config.emrex2().clientRegistry().orElse(List.of()).stream().map(String::strip)
                .filter(source -> source.startsWith("http://"))
                .forEach(source -> problems.add("ncp.emrex2.client-registry must use https URLs: the registry decides"
                        + " which clients may fetch results"));
        config.competence().live().forEach((source, register) -> {
            if (!register.url().strip().startsWith("https://")) {
                problems.add("ncp.competence.live." + source + ".url must use https: it carries identity numbers");
            }
        });
        problems.addAll(unsafeLogin(config.auth()));
        problems.addAll(org.edurecords.ncp.emrex.KnownReceivers.problems(config));
        return problems;
    }

    /**
     * With access tokens for the receivers' API (ADR 0861), the {@code receiver-api} tenant must ask a real identity
     * provider over https and accept only tokens issued for this API (its audience): a token the provider issued to
     * a receiver's client for another service must not open the API.
     */
    static List<String> unsafeReceiverOAuth(NcpConfig config, org.eclipse.microprofile.config.Config raw) {
        List<String> problems = new ArrayList<>();
        if (!config.receiving().oauth().enabled()) {
            return problems;
        }
        String prefix = "quarkus.oidc." + org.edurecords.ncp.receiving.ReceiverAccess.OAUTH_TENANT + ".";
        if (!raw.getOptionalValue(prefix + "auth-server-url", String.class).orElse("").strip().startsWith("https://")) {
            problems.add(prefix + "auth-server-url must be the identity provider's https address when"
                    + " ncp.receiving.oauth.enabled is true");
        }
        if (raw.getOptionalValue(prefix + "token.audience", String.class).filter(a -> !a.isBlank()).isEmpty()) {
            problems.add(prefix + "token.audience must name this API (the audience the identity provider gives its"
                    + " access tokens) when ncp.receiving.oauth.enabled is true");
        }
        return problems;
    }

    /** Production starts only with a real student login and secure session cookies. */
    static List<String> unsafeLogin(NcpConfig.Auth auth) {
        List<String> problems = new ArrayList<>();
        if (!auth.oidc().enabled() && !auth.header().enabled()) {
            problems.add("no student login configured: set ncp.auth.oidc.enabled=true (with quarkus.oidc.*) "
                    + "or ncp.auth.header.enabled=true (with ncp.auth.header.trusted-proxies)");
        }
        if (auth.header().enabled() && auth.header().trustedProxies().map(List::isEmpty).orElse(true)) {
            problems.add("ncp.auth.header.trusted-proxies must name the service provider's address when header login is on");
        }
        if (auth.header().enabled()) {
            try {
                org.edurecords.ncp.auth.TrustedProxies.parse(auth.header().trustedProxies().orElse(List.of()));
            } catch (IllegalArgumentException e) {
                problems.add("ncp.auth.header.trusted-proxies: " + e.getMessage());
            }
        }
        if (!auth.session().secureCookie()) {
            problems.add("ncp.auth.session.secure-cookie must be true");
        }
        return problems;
    }
}
