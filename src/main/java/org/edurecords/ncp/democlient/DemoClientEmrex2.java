package org.edurecords.ncp.democlient;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import org.edurecords.ncp.emrex2.client.ClientAssertion;
import org.edurecords.ncp.verify.DetachedSignature;
import org.edurecords.ncp.emrex2.client.Emrex2Http;
import org.edurecords.ncp.emrex2.client.Pkce;
import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.registry.EmregList;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;
import org.edurecords.ncp.verify.VerificationResult;
import org.edurecords.ncp.web.PublicUrl;
import org.jboss.logging.Logger;
import org.w3c.dom.Document;

/**
 * The demo client's EMREX 2.0 mode, a real client (EMC) of this very service over HTTP: it sends the browser to
 * the authorization endpoint with a fresh state and a PKCE S256 challenge, and on the redirect back exchanges the
 * code at the token endpoint with a client assertion signed by its own key, reads the ELMO document, the PDF list
 * and the PDF, and checks both signatures itself: the {@code X-Signature} with the JDK's
 * {@link java.security.Signature}, the XML signature with the JDK's XML signature API, each against the certificate
 * of this service's registry entry ({@code GET /emreg}).
 */
@ApplicationScoped
public class DemoClientEmrex2 {

    private static final Logger LOG = Logger.getLogger(DemoClientEmrex2.class);
    private static final Duration STATE_LIFETIME = Duration.ofHours(1);
    private static final int MAX_PENDING = 1000;

    /** The authorization request of the start page. */
    public record Start(String authorizeUrl, String clientId, String redirectUri, String state, String challenge) {
    }

    private record Pending(String verifier, Instant issued) {
    }

    @Inject
    PublicUrl publicUrl;

    @Inject
    DemoClientKeys keys;

    @Inject
    DemoClientRegistration registration;

    @Inject
    DemoClientService service;

    @Inject
    Clock clock;

    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    @Inject
    ElmoSchemaValidator schemaValidator;

    // Built after injection, not in a field initialiser: the bean's client proxy runs those too (ADR 0881).
    private Emrex2Http http;

    @PostConstruct
    void openClient() {
        http = new Emrex2Http();
    }

    /** A fresh state and PKCE pair; the verifier stays here, under the state. */
    public Start start() {
        Instant now = clock.instant();
        pending.values().removeIf(p -> p.issued().plus(STATE_LIFETIME).isBefore(now));
        if (pending.size() >= MAX_PENDING) {
            // A demo, not a store: beyond the bound, one pending transfer (any) gives way.
            Iterator<String> any = pending.keySet().iterator();
            any.next();
            any.remove();
        }
        String state = Pkce.random(24);
        String verifier = Pkce.verifier();
        pending.put(state, new Pending(verifier, now));
        // Relative, as the 1.0 form's entry: the form stays on the host the page came from (CSP form-action 'self').
        return new Start("/oauth2/authorize", DemoClientRegistration.CLIENT_ID,
                registration.redirectUri(), state, Pkce.s256(verifier));
    }

    /** The redirect back: {@code code} and {@code state}, or {@code error} and {@code state}. */
    public ReceivedAnswer receive(String code, String state, String error, String errorDescription) {
        List<Check> checks = new ArrayList<>();
        Pending issued = state == null ? null : pending.remove(state);
        boolean known = issued != null && !issued.issued().plus(STATE_LIFETIME).isBefore(clock.instant());
        checks.add(Check.more("demo2_check_state", known, known ? "" : "unknown, expired or already used state"));
        List<Emrex2Exchange.Field> tokenFields = new ArrayList<>();
        List<Emrex2Exchange.Call> calls = new ArrayList<>();
        if (error != null || !known || code == null || code.isBlank()) {
            if (error == null && known) {
                checks.add(Check.more("demo2_check_token", false, "the redirect carried no code"));
            }
            return answer(state, error, errorDescription, 0, tokenFields, calls, checks, null, null);
        }
        String base = publicUrl.base();
        try {
            String tokenUrl = base + "/oauth2/token";
            String assertion = new ClientAssertion(DemoClientRegistration.CLIENT_ID, tokenUrl, clock.instant())
                    .sign(keys.keyPair().getPrivate());
            Emrex2Http.Answer token = http.postForm(URI.create(tokenUrl), List.of(
                    field("grant_type", "authorization_code"), field("code", code),
                    field("redirect_uri", registration.redirectUri()), field("code_verifier", issued.verifier()),
                    field("client_assertion_type", ClientAssertion.TYPE), field("client_assertion", assertion)));
            JsonNode json = token.json();
            json.fields().forEachRemaining(f -> {
                if (!"access_token".equals(f.getKey())) {
                    tokenFields.add(new Emrex2Exchange.Field(f.getKey(), f.getValue().asText()));
                }
            });
            String accessToken = json.path("access_token").asText("");
            boolean gotToken = token.status() == 200 && !accessToken.isEmpty();
            checks.add(Check.more("demo2_check_token", gotToken, gotToken ? "" : token.describe()));
            if (!gotToken) {
                return answer(state, null, null, token.status(), tokenFields, calls, checks, null, null);
            }
            List<X509Certificate> trusted = registryCertificates(base);
            String requestId = "demo-" + Pkce.random(9);
            Emrex2Http.Answer elmo = resource(base, accessToken, Map.of("data_format", "elmo"), requestId, calls);
            List<String> unsigned = new ArrayList<>();
            List<String> signed = new ArrayList<>();
            verifyHeader("elmo", elmo, trusted, signed, unsigned);
            // Credentials outside ELMO (licences, authorisations, decisions): the JSON evidence, 204 when none.
            Emrex2Http.Answer competence = resource(base, accessToken,
                    Map.of("data_format", "competence", "data_format_version", "1.0"), null, calls);
            verifyHeader("competence", competence, trusted, signed, unsigned);
            boolean read = elmo.status() == 200 || elmo.status() == 204;
            checks.add(Check.more("demo2_check_results", read && requestId.equals(elmo.header("X-Request-ID")),
                    elmo.describe() + (requestId.equals(elmo.header("X-Request-ID")) ? ", X-Request-ID echoed"
                            : ", X-Request-ID not echoed")));
            if (elmo.status() != 200) {
                checks.add(signatureCheck(signed, unsigned));
                return answer(state, null, null, token.status(), tokenFields, calls, checks, null, null);
            }
            Document document;
            try {
                document = SecureXml.parse(elmo.body());
            } catch (SecureXml.XmlParseException e) {
                checks.add(new Check("demo_check_decoded", false, e.getMessage()));
                checks.add(signatureCheck(signed, unsigned));
                return answer(state, null, null, token.status(), tokenFields, calls, checks, null, null);
            }
            var schema = schemaValidator.validate(document);
            checks.add(new Check("demo_check_schema", schema.valid(), schema.valid() ? "" : String.valueOf(schema.errors())));
            checks.add(xmlSignatureCheck(document, trusted));

            byte[] pdf = null;
            Emrex2Http.Answer metadata = resource(base, accessToken, Map.of("data_format", "pdf_metadata"), null, calls);
            verifyHeader("pdf_metadata", metadata, trusted, signed, unsigned);
            JsonNode first = metadata.json().path("pdf_list").path(0);
            if (first.isObject()) {
                Emrex2Http.Answer file = resource(base, accessToken,
                        Map.of("data_format", "pdf", "pdf_id", first.path("pdf_id").asText()), null, calls);
                verifyHeader("pdf", file, trusted, signed, unsigned);
                String checksum = "sha256:" + sha256Hex(file.body());
                boolean matches = file.status() == 200 && checksum.equalsIgnoreCase(first.path("checksum").asText());
                checks.add(Check.more("demo2_check_pdf", matches, matches ? first.path("checksum").asText()
                        : file.describe() + ", " + checksum + " against " + first.path("checksum").asText()));
                pdf = matches ? file.body() : null;
            } else {
                checks.add(Check.more("demo2_check_pdf", false, "pdf_metadata " + metadata.describe() + " lists no PDF"));
            }
            checks.add(signatureCheck(signed, unsigned));
            return answer(state, null, null, token.status(), tokenFields, calls, checks, document, pdf);
        } catch (IOException | RuntimeException e) {
            LOG.infof("Demo client: the EMREX 2.0 exchange failed: %s", e.toString());
            checks.add(Check.more("demo2_check_exchange", false, e.getClass().getSimpleName() + ": " + e.getMessage()));
            return answer(state, null, null, 0, tokenFields, calls, checks, null, null);
        }
    }

    private ReceivedAnswer answer(String state, String error, String description, int tokenStatus,
            List<Emrex2Exchange.Field> tokenFields, List<Emrex2Exchange.Call> calls, List<Check> checks,
            Document document, byte[] pdf) {
        Emrex2Exchange exchange = new Emrex2Exchange(state, error, description, tokenStatus, tokenFields, calls);
        return service.readDocument(checks, document, pdf, exchange);
    }

    private Emrex2Http.Answer resource(String base, String token, Map<String, String> params, String requestId,
            List<Emrex2Exchange.Call> calls) throws IOException {
        URI url = Emrex2Http.withQuery(URI.create(base + "/results"), new LinkedHashMap<>(params));
        Emrex2Http.Answer answer = http.get(url, token, requestId);
        calls.add(new Emrex2Exchange.Call("GET /results?" + url.getRawQuery(), answer.status(), answer.contentType(),
                answer.body().length, answer.header("X-Request-ID"), answer.header("X-Signature-Algorithm")));
        return answer;
    }

    private static void verifyHeader(String what, Emrex2Http.Answer answer, List<X509Certificate> trusted,
            List<String> signed, List<String> unsigned) {
        DetachedSignature.Verdict verdict = DetachedSignature.verify(answer.header("X-Signature"), answer.body(), trusted);
        (verdict.valid() ? signed : unsigned).add(what + ": " + verdict.describe());
    }

    private static Check signatureCheck(List<String> signed, List<String> unsigned) {
        List<String> all = new ArrayList<>(unsigned);
        all.addAll(signed);
        return Check.more("demo2_check_x_signature", unsigned.isEmpty() && !signed.isEmpty(), String.join("; ", all));
    }

    private Check xmlSignatureCheck(Document document, List<X509Certificate> trusted) {
        String detail = trusted.isEmpty() ? "no certificate in the registry entry" : "";
        for (X509Certificate cert : trusted) {
            VerificationResult result = new JdkXmlSignatureVerifier().verify(document, cert);
            if (result.valid()) {
                return Check.more("demo2_check_xml_signature", true, result.signatureAlgorithm());
            }
            detail = String.join("; ", result.problems());
        }
        return Check.more("demo2_check_xml_signature", false, detail);
    }

    /** The certificates of this service's EMREX registry entry, read over HTTP like any receiver reads them. */
    private List<X509Certificate> registryCertificates(String base) throws IOException {
        Emrex2Http.Answer entry = http.get(URI.create(base + "/emreg"), null, null);
        if (entry.status() != 200) {
            throw new IOException("GET /emreg answered " + entry.status());
        }
        byte[] list = ("{\"ncps\":[" + new String(entry.body(), StandardCharsets.UTF_8) + "]}")
                .getBytes(StandardCharsets.UTF_8);
        List<X509Certificate> certs = new ArrayList<>();
        for (RegistryEntry e : EmregList.parse(list, base + "/emreg").entries()) {
            certs.addAll(e.certificates());
        }
        return certs;
    }

    private static Map.Entry<String, String> field(String name, String value) {
        return new SimpleEntry<>(name, value);
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
