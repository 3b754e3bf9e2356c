package org.edurecords.ncp.emrex;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.PublicUrl;
import org.edurecords.ncp.web.TextBundle;

/**
 * The receivers of {@code ncp.receivers}: who may be answered, and how a student is told who that is. A return URL
 * on no known receiver's host is refused at the entry, so that the service can never be made to post results, or
 * even a cancellation, to an address nobody vetted.
 */
@ApplicationScoped
public class KnownReceivers {

    /**
     * The path below which this service receives answers for its own receivers (docs/receivers.md), followed by the
     * receiver's id: a return URL there belongs to that receiver whatever this service's host is.
     */
    public static final String RECEIVING_RETURN_PATH = "/receive/return/";

    @Inject
    NcpConfig config;

    @Inject
    PublicUrl publicUrl;

    private volatile List<Receiver> receivers;

    public List<Receiver> all() {
        List<Receiver> known = receivers;
        if (known == null) {
            known = of(config);
            receivers = known;
        }
        return known;
    }

    /** The receiver whose hosts include this one (the first by id when several would). */
    public Optional<Receiver> forHost(String host) {
        if (host == null) {
            return Optional.empty();
        }
        return all().stream().filter(r -> r.accepts(host)).findFirst();
    }

    /** The receiver by its id. */
    public Optional<Receiver> byId(String id) {
        return all().stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /**
     * The receiver of a return URL: the one named in the path when the URL is this service's own receiving address
     * (an applicant fetching results for a receiver of ours), else the one whose hosts include the URL's host.
     */
    public Optional<Receiver> forReturnUrl(String returnUrl) {
        String own = publicUrl.base() + RECEIVING_RETURN_PATH;
        if (returnUrl.startsWith(own)) {
            String id = URI.create(returnUrl).getRawPath().substring(URI.create(own).getRawPath().length());
            return id.isEmpty() || id.contains("/") ? Optional.empty() : byId(id);
        }
        return forHost(URI.create(returnUrl).getHost());
    }

    /**
     * How pages, the answer and the ledger name the receiver of a return URL: "Name (host)", or the host alone; a
     * receiver served through this service is "Name (this service's name)", with its case when the return URL
     * names one ({@code ?case=}), so that the consent and the ledger say what the results were for.
     */
    public String label(String returnUrl, Locale locale) {
        if (returnUrl.startsWith(publicUrl.base() + RECEIVING_RETURN_PATH)) {
            String caseReference = queryValue(URI.create(returnUrl).getRawQuery(), "case");
            return forReturnUrl(returnUrl).map(r -> (caseReference == null ? r.name(locale)
                    : TextBundle.of("rcv", locale).get("rcv_recipient_case", "receiver", r.name(locale), "caseReference",
                            caseReference)) + " (" + config.name() + ")")
                    .orElse(URI.create(returnUrl).getHost());
        }
        String host = URI.create(returnUrl).getHost();
        return forHost(host).map(r -> r.name(locale) + " (" + host + ")").orElse(host);
    }

    private static String queryValue(String rawQuery, String name) {
        if (rawQuery == null) {
            return null;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(name)) {
                try {
                    String value = java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
                    return value.isBlank() ? null : value.strip();
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    static List<Receiver> of(NcpConfig config) {
        List<Receiver> list = new ArrayList<>();
        for (Map.Entry<String, NcpConfig.Receiver> entry : new TreeMap<>(config.receivers()).entrySet()) {
            NcpConfig.Receiver r = entry.getValue();
            list.add(new Receiver(entry.getKey(), r.name(), r.returnHosts(), r.emregEntry(), r.apiToken(),
                    r.webhookUrl(), r.oauthClientId()));
        }
        return List.copyOf(list);
    }

    /** Problems of the configured receivers, for the production start-up check. */
    public static List<String> problems(NcpConfig config) {
        List<Receiver> all = of(config);
        if (all.isEmpty()) {
            return List.of("no receivers configured: list every system that may receive results in ncp.receivers.<id>"
                    + " (name.<language>, return-hosts)");
        }
        List<String> problems = new ArrayList<>();
        all.forEach(r -> problems.addAll(r.problems()));
        problems.addAll(sharedOAuthClients(all));
        return problems;
    }

    /**
     * Two receivers with the same {@code oauth-client-id}: a token of that client could not say which receiver calls,
     * so the service does not start (in every profile) and such a token is refused as no receiver's.
     */
    public static List<String> sharedOAuthClients(List<Receiver> all) {
        Map<String, List<String>> byClient = new TreeMap<>();
        for (Receiver r : all) {
            r.oauthClientId().ifPresent(c -> byClient.computeIfAbsent(c, k -> new ArrayList<>()).add(r.id()));
        }
        List<String> problems = new ArrayList<>();
        byClient.forEach((client, ids) -> {
            if (ids.size() > 1) {
                problems.add("ncp.receivers.<id>.oauth-client-id '" + client + "' is the client of several receivers ("
                        + String.join(", ", ids) + "): each receiver needs a client of its own");
            }
        });
        return problems;
    }

    /** The one receiver whose case system this OAuth2 client is; none when no receiver, or several, have it. */
    public Optional<Receiver> forOAuthClient(String clientId) {
        List<Receiver> matching = all().stream().filter(r -> r.isOAuthClient(clientId)).toList();
        return matching.size() == 1 ? Optional.of(matching.get(0)) : Optional.empty();
    }
}
