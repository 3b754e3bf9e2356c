package org.edurecords.ncp.web;

import java.net.URI;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.LaunchMode;
import org.eclipse.microprofile.config.ConfigProvider;
import org.edurecords.ncp.config.NcpConfig;

/**
 * This service's public address, the one source of every absolute URL it writes (redirects, share links, the
 * registry entry, the PDF's verification hint). It comes from {@code ncp.public-url}, never from the request:
 * a Host header is whatever the client chose to send.
 */
@ApplicationScoped
public class PublicUrl {

    @Inject
    NcpConfig config;

    PublicUrl() {
    }

    /** Outside CDI (the document pipeline in benchmarks and unit tests). */
    public PublicUrl(NcpConfig config) {
        this.config = config;
    }

    /** The port requests really arrive on, for a demo started on port 0 (seen by {@link ResponseHeadersFilter}). */
    private volatile int observedPort;

    /** Once the port is known: every page, redirect and header asks for the base (a configuration lookup each). */
    private volatile String knownBase;

    /** Scheme, host and port, without a trailing slash. */
    public String base() {
        String known = knownBase;
        if (known != null) {
            return known;
        }
        String configured = stripSlash(config.publicUrl());
        if (!config.publicUrlFollowsPort()) {
            knownBase = configured;
            return configured;
        }
        URI uri = URI.create(configured);
        int port = listeningPort();
        String base = uri.getScheme() + "://" + uri.getHost() + (port > 0 ? ":" + port : "");
        if (port > 0) {
            knownBase = base;
        }
        return base;
    }

    /** The absolute URL of one of this service's paths ({@code path} starts with {@code /}). */
    public URI resolve(String path) {
        return URI.create(base() + path);
    }

    /** scheme://host[:port] of the public URL, as in an Origin header. */
    public String origin() {
        return SecurityHeaders.origin(URI.create(base()));
    }

    void observePort(int port) {
        if (observedPort == 0 && port > 0) {
            observedPort = port;
        }
    }

    private int listeningPort() {
        String key = LaunchMode.current() == LaunchMode.TEST ? "quarkus.http.test-port" : "quarkus.http.port";
        int configured = ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(8080);
        return configured > 0 ? configured : observedPort;
    }

    private static String stripSlash(String url) {
        String trimmed = url.strip();
        return trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
