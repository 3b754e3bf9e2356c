package org.edurecords.ncp.receiving;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex2.client.Emrex2Http;
import org.edurecords.ncp.emrex2.client.ResultsRetrieval;
import org.edurecords.ncp.signing.SigningKeyException;
import org.edurecords.ncp.signing.SigningKeyLoader;
import org.edurecords.ncp.web.PublicUrl;

/**
 * The receivers that are EMREX 2.0 clients ({@code ncp.receivers.<id>.emrex2.*}): their keys, read at start-up so
 * that a missing or unreadable key stops the start with the key named, and the redirect URI each has registered.
 */
@ApplicationScoped
@Startup
public class ReceiverClients {

    /** Where a provider redirects the applicant back to, followed by the receiver's id. */
    public static final String CALLBACK_PATH = ApplicantResource.PATH + "/callback/";

    private record Registered(String clientId, PrivateKey key) {
    }

    @Inject
    NcpConfig config;

    @Inject
    PublicUrl publicUrl;

    private final Map<String, Registered> clients = new TreeMap<>();
    private ResultsRetrieval retrieval;

    @PostConstruct
    void load() {
        config.receivers().forEach((id, receiver) -> receiver.emrex2().ifPresent(client -> {
            String key = "ncp.receivers." + id + ".emrex2.key";
            try {
                clients.put(id, new Registered(client.clientId().strip(),
                        SigningKeyLoader.pemPrivateKey(Path.of(client.key().strip()), key)));
            } catch (SigningKeyException e) {
                throw new IllegalStateException(key + ": " + e.getMessage(), e);
            }
        }));
        retrieval = new ResultsRetrieval(new Emrex2Http(config.receiving().providerTimeout(),
                config.receiving().providerTimeout(), config.verify().maxDocumentBytes()));
    }

    /** The receiver as a client, when it is one. */
    public Optional<ResultsRetrieval.Client> of(String receiverId) {
        Registered registered = clients.get(receiverId);
        return registered == null ? Optional.empty()
                : Optional.of(new ResultsRetrieval.Client(registered.clientId(), registered.key(),
                        redirectUri(receiverId)));
    }

    /** The redirect URI to register in EMREG for a receiver. */
    public String redirectUri(String receiverId) {
        return publicUrl.base() + CALLBACK_PATH + receiverId;
    }

    public ResultsRetrieval retrieval() {
        return retrieval;
    }
}
