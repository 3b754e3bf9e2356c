package org.edurecords.ncp.emrex;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.edurecords.ncp.results.LocalizedText;

/**
 * A system this service sends results to (an admissions, recruitment or recognition system), as configured in
 * {@code ncp.receivers.<id>}.
 *
 * @param names display name per language tag
 * @param returnHosts exact hosts, or {@code *.domain} for any host below a domain
 * @param apiToken    the bearer token of its case system for the results requests API
 * @param webhookUrl  where its evaluated results requests are posted
 * @param oauthClientId the OAuth2 client of its case system, whose access tokens call that API as this receiver
 */
public record Receiver(String id, Map<String, String> names, List<String> returnHosts, Optional<String> emregEntry,
        Optional<String> apiToken, Optional<String> webhookUrl, Optional<String> oauthClientId) {

    public Receiver(String id, Map<String, String> names, List<String> returnHosts, Optional<String> emregEntry) {
        this(id, names, returnHosts, emregEntry, Optional.empty(), Optional.empty());
    }

    public Receiver(String id, Map<String, String> names, List<String> returnHosts, Optional<String> emregEntry,
            Optional<String> apiToken, Optional<String> webhookUrl) {
        this(id, names, returnHosts, emregEntry, apiToken, webhookUrl, Optional.empty());
    }

    public Receiver {
        names = Map.copyOf(names);
        returnHosts = returnHosts.stream().map(Receiver::normalize).toList();
        oauthClientId = oauthClientId.map(String::strip).filter(c -> !c.isEmpty());
    }

    /** Whether an access token's client is this receiver's case system. */
    public boolean isOAuthClient(String clientId) {
        return clientId != null && oauthClientId.filter(clientId::equals).isPresent();
    }

    /** Whether a return URL's host is one of this receiver's. */
    public boolean accepts(String host) {
        String candidate = normalize(host);
        for (String rule : returnHosts) {
            if (rule.startsWith("*.") ? candidate.endsWith(rule.substring(1)) && candidate.length() > rule.length() - 1
                    : candidate.equals(rule)) {
                return true;
            }
        }
        return false;
    }

    /** The name for a reader of this language, by the one fallback chain of every text (ADR 0006). */
    public String name(Locale locale) {
        String name = LocalizedText.fromMap(new TreeMap<>(names)).in(locale);
        return name == null ? id : name;
    }

    /** Problems with the configuration of this receiver, for the start-up check. */
    public List<String> problems() {
        if (names.isEmpty()) {
            return List.of("ncp.receivers." + id + ".name.<language> must name the receiver");
        }
        if (returnHosts.isEmpty()) {
            return List.of("ncp.receivers." + id + ".return-hosts must list at least one host");
        }
        for (String rule : returnHosts) {
            String host = rule.startsWith("*.") ? rule.substring(2) : rule;
            if (host.isEmpty() || !host.matches("[a-z0-9.:\\[\\]-]+") || host.startsWith(".") || host.contains("*")
                    || (rule.startsWith("*.") && !host.contains("."))) {
                return List.of("ncp.receivers." + id + ".return-hosts: '" + rule
                        + "' is neither a host nor *.domain (with at least one dot)");
            }
        }
        if (apiToken.filter(t -> t.strip().length() < 32).isPresent()) {
            return List.of("ncp.receivers." + id + ".api-token must have at least 32 characters");
        }
        if (webhookUrl.filter(u -> !u.toLowerCase(Locale.ROOT).startsWith("https://")).isPresent()) {
            return List.of("ncp.receivers." + id + ".webhook-url must be an https URL");
        }
        return List.of();
    }

    static String normalize(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        try {
            return h.startsWith("*.") ? "*." + IDN.toASCII(h.substring(2)).toLowerCase(Locale.ROOT)
                    : IDN.toASCII(h).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return h;
        }
    }
}
