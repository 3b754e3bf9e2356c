package org.edurecords.ncp.emrex2.client;

import java.io.IOException;
import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edurecords.ncp.verify.DetachedSignature;

/**
 * The client side of EMREX 2.0 towards one provider: the authorization URL the student's browser is sent to (PKCE
 * S256), and after the redirect back the code exchanged at the token endpoint with a client assertion, the ELMO
 * document read from the resource endpoint, and its {@code X-Signature} checked against the provider's registry
 * certificates. The document's own XML signature is the verifier's business, as for an EMREX 1.0 answer. A provider
 * whose entry lists the data format {@code competence} 1.0 is then asked for the student's credentials too, with the
 * same token, and their {@code X-Signature} checked the same way.
 */
public final class ResultsRetrieval {

    /** Who we are at the provider: the client id registered in EMREG, its key, its registered redirect URI. */
    public record Client(String clientId, PrivateKey key, String redirectUri) {
    }

    /**
     * The provider's endpoints and the certificates its registry entry lists.
     *
     * @param competence whether its entry lists the data format {@code competence} 1.0: then it is fetched too
     */
    public record Provider(String authorizationUrl, String tokenUrl, String resourceUrl,
            List<X509Certificate> certificates, boolean competence) {

        public Provider(String authorizationUrl, String tokenUrl, String resourceUrl,
                List<X509Certificate> certificates) {
            this(authorizationUrl, tokenUrl, resourceUrl, certificates, false);
        }
    }

    public static final String COMPETENCE_FORMAT = "competence";
    public static final String COMPETENCE_VERSION = "1.0";

    public enum EvidenceOutcome {
        /** A body came (whether its signature verifies is in {@link Evidence#signature()}). */
        EVIDENCE,
        /** {@code 204}: the student consented to no credentials. */
        NONE,
        /** The provider answered something else, or could not be reached. */
        FAILED
    }

    /**
     * The competence evidence the provider gave.
     *
     * @param body      the answer's body exactly as received (for {@link EvidenceOutcome#EVIDENCE})
     * @param header    its {@code X-Signature} header as received
     * @param signature the check of that header over the body
     * @param problem   what went wrong (for {@link EvidenceOutcome#FAILED})
     */
    public record Evidence(EvidenceOutcome outcome, byte[] body, String header, DetachedSignature.Verdict signature,
            String problem) {
    }

    public enum Outcome {
        /** An ELMO document came. */
        RESULTS,
        /** The provider answered 204: the student has no results there. */
        NO_RESULTS,
        /** The token or resource endpoint refused, or answered something else. */
        REFUSED
    }

    /**
     * What the provider gave.
     *
     * @param elmo      the body of the resource answer, exactly as received (for {@link Outcome#RESULTS})
     * @param signature the check of its {@code X-Signature} (for {@link Outcome#RESULTS})
     * @param problem   what went wrong, for the log and the receiver (for {@link Outcome#REFUSED})
     * @param competence the competence evidence, when the provider lists the format and the ELMO read was answered
     *                   (200 or 204: a student may consent to credentials only); null otherwise
     */
    public record Retrieved(Outcome outcome, byte[] elmo, DetachedSignature.Verdict signature, String problem,
            Evidence competence) {
    }

    private final Emrex2Http http;

    public ResultsRetrieval(Emrex2Http http) {
        this.http = http;
    }

    /** The authorization request (RFC 6749 4.1.1 with RFC 7636): the URL the browser is sent to. */
    public static String authorizationUrl(Provider provider, Client client, String state, String verifier) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", client.clientId());
        query.put("redirect_uri", client.redirectUri());
        query.put("state", state);
        query.put("code_challenge", Pkce.s256(verifier));
        query.put("code_challenge_method", "S256");
        return Emrex2Http.withQuery(URI.create(provider.authorizationUrl()), query).toString();
    }

    /**
     * Exchanges the code and reads the ELMO document.
     *
     * @param requestId sent as {@code X-Request-ID}, so the provider's log and ours name the same call
     * @throws IOException when a provider endpoint cannot be reached or its answer is too large
     */
    public Retrieved retrieve(Provider provider, Client client, String code, String verifier, Instant now,
            String requestId) throws IOException {
        // The audience is the token URL as the provider publishes it (RFC 7523 3, docs/emrex2.md).
        String assertion = new ClientAssertion(client.clientId(), provider.tokenUrl(), now).sign(client.key());
        Emrex2Http.Answer token = http.postForm(URI.create(provider.tokenUrl()), List.of(
                new SimpleEntry<>("grant_type", "authorization_code"), new SimpleEntry<>("code", code),
                new SimpleEntry<>("redirect_uri", client.redirectUri()), new SimpleEntry<>("code_verifier", verifier),
                new SimpleEntry<>("client_assertion_type", ClientAssertion.TYPE),
                new SimpleEntry<>("client_assertion", assertion)));
        String accessToken = token.json().path("access_token").asText("");
        if (token.status() != 200 || accessToken.isEmpty()) {
            return new Retrieved(Outcome.REFUSED, null, null, "token endpoint: " + token.describe(), null);
        }
        URI results = Emrex2Http.withQuery(URI.create(provider.resourceUrl()), Map.of("data_format", "elmo"));
        Emrex2Http.Answer answer = http.get(results, accessToken, requestId);
        if (answer.status() == 204) {
            return new Retrieved(Outcome.NO_RESULTS, null, null, null, competence(provider, accessToken, requestId));
        }
        if (answer.status() != 200 || answer.body().length == 0) {
            return new Retrieved(Outcome.REFUSED, null, null, "resource endpoint: " + answer.describe(), null);
        }
        DetachedSignature.Verdict verdict = DetachedSignature.verify(answer.header("X-Signature"), answer.body(),
                provider.certificates());
        return new Retrieved(Outcome.RESULTS, answer.body(), verdict, null,
                competence(provider, accessToken, requestId));
    }

    /**
     * The second read, for a provider that lists {@code competence} 1.0. What fails here does not undo the ELMO that
     * came: it is reported as {@link EvidenceOutcome#FAILED} for the receiver to see.
     */
    private Evidence competence(Provider provider, String accessToken, String requestId) {
        if (!provider.competence()) {
            return null;
        }
        Map<String, String> query = new LinkedHashMap<>();
        query.put("data_format", COMPETENCE_FORMAT);
        query.put("data_format_version", COMPETENCE_VERSION);
        Emrex2Http.Answer answer;
        try {
            answer = http.get(Emrex2Http.withQuery(URI.create(provider.resourceUrl()), query), accessToken, requestId);
        } catch (IOException e) {
            return new Evidence(EvidenceOutcome.FAILED, null, null, null, "resource endpoint (competence): "
                    + e.getMessage());
        }
        if (answer.status() == 204) {
            return new Evidence(EvidenceOutcome.NONE, null, null, null, null);
        }
        if (answer.status() != 200 || answer.body().length == 0) {
            return new Evidence(EvidenceOutcome.FAILED, null, null, null, "resource endpoint (competence): "
                    + answer.describe());
        }
        String header = answer.header("X-Signature");
        return new Evidence(EvidenceOutcome.EVIDENCE, answer.body(), header,
                DetachedSignature.verify(header, answer.body(), provider.certificates()), null);
    }
}
