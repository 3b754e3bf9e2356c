package org.edurecords.ncp.conformance;

import org.edurecords.ncp.verify.DetachedSignature;
import org.edurecords.ncp.emrex2.client.Emrex2Http;
import org.edurecords.ncp.emrex2.client.Pkce;
import org.edurecords.ncp.emrex2.client.ClientAssertion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edurecords.ncp.conformance.CheckResult.Status;
import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.registry.EmregList;
import org.edurecords.ncp.registry.RegistrySource;
import org.edurecords.ncp.verify.JdkXmlSignatureVerifier;
import org.edurecords.ncp.verify.VerificationResult;
import org.jsoup.nodes.Element;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The EMREX 2.0 checklist: the kit plays an EMREX client (EMC) registered at the data provider (EMP) and the
 * student's browser. It drives the authorization code flow with PKCE and a {@code private_key_jwt} client
 * assertion, reads every data format, verifies both signatures independently of the EMP (the XML signature with
 * the JDK's XML signature API, the {@code X-Signature} with {@link java.security.Signature}), and tries each
 * refusal the EMP must make. See docs/conformance-kit.md.
 */
public final class Emrex2Kit {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NS = ConformanceKit.NS;
    private static final String ENDPOINTS = "Registry and endpoints";
    private static final String AUTHORIZE = "Authorization";
    private static final String TOKEN = "Token";
    private static final String RESULTS = "Results";

    /** The redirect to the client's redirect URI, with its decoded query. */
    record Redirect(URI location, Map<String, String> params) {

        String code() {
            return params.get("code");
        }

        String error() {
            return params.get("error");
        }
    }

    /** One run of the authorization flow. */
    record Flow(String state, String verifier, Redirect redirect, KitBrowser.Page last, KitBrowser.Page beforeRedirect,
            boolean submittedBeforeCode) {

        String code() {
            return redirect == null ? null : redirect.code();
        }

        String describe() {
            if (redirect == null) {
                return "no redirect to the redirect URI; last page HTTP " + (last == null ? "?" : last.status() + " "
                        + last.url().getPath());
            }
            return "redirected with " + redirect.params().keySet();
        }
    }

    /** A token obtained, and when. */
    record Token(String value, Instant issued, long expiresIn, Emrex2Http.Answer answer) {
    }

    /** A resource answer, for the check that every one is signed. */
    record Received(String context, Emrex2Http.Answer answer) {
    }

    private enum Pick { ALL, ONE }

    /** The checklist: number and title (docs/conformance-kit.md). */
    static final Map<Integer, String> TITLES = Map.ofEntries(
            Map.entry(1, "The EMREG 2.0 entry names the endpoints, the elmo format and a certificate"),
            Map.entry(2, "The authorization, token and resource endpoints use https"),
            Map.entry(3, "The ping URL answers 200 with status UP"),
            Map.entry(4, "A valid authorization request leads to the EMP's login"),
            Map.entry(5, "Confirming redirects to the registered redirect URI with a code and the state unchanged"),
            Map.entry(6, "The code comes only after an explicit confirmation; the page before names the client's host"),
            Map.entry(7, "An unknown client_id gets an error page (4xx), never a redirect"),
            Map.entry(8, "A redirect_uri other than the registered one gets an error page (4xx), never a redirect"),
            Map.entry(9, "A request without code_challenge is redirected with error=invalid_request and the state"),
            Map.entry(10, "code_challenge_method=plain is redirected with error=invalid_request and the state"),
            Map.entry(11, "Cancelling is redirected with error=access_denied and the state"),
            Map.entry(12, "A request without state is redirected with error=invalid_request"),
            Map.entry(13, "response_type=token is redirected with error=unsupported_response_type and the state"),
            Map.entry(14, "An unknown scope is redirected with error=invalid_scope and the state"),
            Map.entry(15, "The code, verifier and assertion give a Bearer token (JSON, expires_in at most 600, no-store)"),
            Map.entry(16, "A wrong code_verifier is refused: 400 invalid_grant"),
            Map.entry(17, "A code used twice is refused (invalid_grant) and revokes the token of its first use"),
            Map.entry(18, "An expired code is refused: 400 invalid_grant"),
            Map.entry(19, "An assertion signed with another key is refused: 401 invalid_client"),
            Map.entry(20, "An assertion for another audience is refused: 401 invalid_client"),
            Map.entry(21, "An expired assertion is refused: 401 invalid_client"),
            Map.entry(22, "An assertion whose jti was used before is refused: 401 invalid_client"),
            Map.entry(23, "An assertion of an unregistered client is refused: 400 invalid_client"),
            Map.entry(24, "A token request without a client assertion is refused: 400 invalid_request"),
            Map.entry(25, "Another grant type is refused: 400 unsupported_grant_type"),
            Map.entry(26, "An assertion valid for more than 5 minutes is refused: 401 invalid_client"),
            Map.entry(27, "An assertion whose sub is not its iss is refused: 401 invalid_client"),
            Map.entry(28, "elmo: 200 application/xml, not encoded, valid ELMO 1.7"),
            Map.entry(29, "elmo: the enveloped XML signature verifies with the registered certificate"),
            Map.entry(30, "elmo: X-Signature verifies over the exact body bytes, and not over a changed body"),
            Map.entry(31, "X-Request-ID is echoed"),
            Map.entry(32, "userinfo: the learner of the ELMO namespace, the same person as in the elmo"),
            Map.entry(33, "pdf_metadata: a pdf_list with pdf_id, title, issue_date, type, size_bytes and a sha256 checksum"),
            Map.entry(34, "pdf: each listed PDF is application/pdf with the listed sha256 checksum and size"),
            Map.entry(35, "pdf: an unknown pdf_id is 404, a missing pdf_id 400"),
            Map.entry(36, "An unsupported data_format or version is refused: 400 invalid_request"),
            Map.entry(37, "No token or an unknown token: 401 invalid_token with WWW-Authenticate: Bearer"),
            Map.entry(38, "Two flows give different documents, and each token reads only its own"),
            Map.entry(39, "A student without results: 204 No Content, with an X-Signature over the empty body"),
            Map.entry(40, "An expired token is refused: 401 invalid_token"),
            Map.entry(41, "Every answer of the resource endpoint, errors included, carries a verifying X-Signature"));


    private Emrex2Options options;
    private final List<CheckResult> results = new ArrayList<>();
    private final List<Received> received = new ArrayList<>();
    private final Emrex2Http http = new Emrex2Http();
    private final ElmoSchemaValidator schema = new ElmoSchemaValidator();
    private List<X509Certificate> trusted = List.of();
    private PrivateKey key;
    private JsonNode entry;
    private Emrex2Http.Answer elmoAnswer;

    /** The signed elmo answer of the happy path, kept in the report folder for checking it by hand. */
    public static final String ELMO_BODY_FILE = "emrex2-elmo.xml";
    public static final String ELMO_HEADERS_FILE = "emrex2-elmo.headers.txt";

    public Emrex2Kit(Emrex2Options options) {
        this.options = options;
    }

    public ConformanceReport run() throws IOException {
        Instant started = Instant.now();
        key = EmcKeys.read(options.clientKey()).getPrivate();
        registryChecks();
        if (options.authorizeUrl() == null || options.tokenUrl() == null || options.resultsUrl() == null) {
            throw new IOException("the authorization, token and resource URLs are not known: give --emreg2-url or "
                    + "--authorize-url, --token-url and --results-url");
        }
        trusted = trustedCertificates();
        try {
            checks();
        } catch (IOException e) {
            failUnrecorded(e);
        }
        ConformanceReport report = new ConformanceReport(ConformanceReport.Kind.EMREX2,
                options.authorizeUrl().toString(), started, Duration.between(started, Instant.now()), results);
        if (options.reportDir() != null) {
            report.write(options.reportDir());
            if (elmoAnswer != null) {
                Files.write(options.reportDir().resolve(ELMO_BODY_FILE), elmoAnswer.body());
                StringBuilder headers = new StringBuilder("HTTP " + elmoAnswer.status() + "\n");
                elmoAnswer.headers().map().forEach((name, values) -> values.forEach(v -> headers.append(name)
                        .append(": ").append(v).append('\n')));
                Files.writeString(options.reportDir().resolve(ELMO_HEADERS_FILE), headers, StandardCharsets.UTF_8);
            }
        }
        return report;
    }

    // ------------------------------------------------------------------ registry and endpoints (1-3)

    private void registryChecks() {
        if (options.emreg2Url() == null) {
            skip(1, ENDPOINTS, "no --emreg2-url; endpoints given on the command line");
        } else {
            List<String> problems = new ArrayList<>();
            try {
                entry = JSON.readTree(RegistrySource.read(options.emreg2Url(), Duration.ofSeconds(20), 1_000_000));
                JsonNode props = entry.path("emreg2Props");
                URI authorize = uri(props, "authorizationUrl", options.authorizeUrl(), problems);
                URI token = uri(props, "tokenUrl", options.tokenUrl(), problems);
                URI resource = uri(props, "resourceUrl", options.resultsUrl(), problems);
                options = options.withEndpoints(authorize, token, resource);
                boolean elmo = false;
                for (JsonNode format : props.path("supportedDataFormats")) {
                    elmo |= "elmo".equals(format.path("name").asText());
                }
                if (!elmo) {
                    problems.add("supportedDataFormats does not list elmo");
                }
                if (certificates(entry.path("publicKey").asText("")).isEmpty()) {
                    problems.add("publicKey carries no certificate");
                }
            } catch (IOException | CertificateException e) {
                problems.add("unreadable entry: " + e.getMessage());
            }
            add(1, ENDPOINTS, problems.isEmpty(), String.join("; ", problems));
        }
        List<URI> endpoints = new ArrayList<>();
        for (URI u : new URI[] {options.authorizeUrl(), options.tokenUrl(), options.resultsUrl()}) {
            if (u != null) {
                endpoints.add(u);
            }
        }
        boolean https = !endpoints.isEmpty() && endpoints.stream().allMatch(u -> "https".equalsIgnoreCase(u.getScheme()));
        if (!https && options.allowHttp()) {
            skip(2, ENDPOINTS, "plain http allowed by --allow-http");
        } else {
            add(2, ENDPOINTS, https, endpoints.toString());
        }
        String ping = entry == null ? null : entry.path("emreg2Props").path("pingUrl").asText(null);
        if (ping == null || ping.isBlank()) {
            skip(3, ENDPOINTS, "no pingUrl in an EMREG 2.0 entry");
        } else {
            try {
                Emrex2Http.Answer answer = http.get(URI.create(ping), null, null);
                add(3, ENDPOINTS, answer.status() == 200 && "UP".equals(answer.json().path("status").asText()), answer.describe()
                                + " " + answer.text().strip());
            } catch (IOException | IllegalArgumentException e) {
                add(3, ENDPOINTS, false, e.getMessage());
            }
        }
    }

    private static URI uri(JsonNode props, String name, URI given, List<String> problems) {
        String value = props.path(name).asText("");
        if (value.isBlank()) {
            problems.add("no " + name);
            return given;
        }
        return given != null ? given : URI.create(value);
    }

    private List<X509Certificate> trustedCertificates() throws IOException {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            if (entry != null) {
                certs.addAll(certificates(entry.path("publicKey").asText("")));
            }
            for (String file : options.certificates()) {
                certs.addAll(certificates(Files.readString(Path.of(file), StandardCharsets.US_ASCII)));
            }
        } catch (CertificateException e) {
            throw new IOException("unreadable certificate: " + e.getMessage(), e);
        }
        if (options.emregUrl() != null) {
            byte[] one = RegistrySource.read(options.emregUrl(), Duration.ofSeconds(20), 1_000_000);
            byte[] list = ("{\"ncps\":[" + new String(one, StandardCharsets.UTF_8) + "]}").getBytes(StandardCharsets.UTF_8);
            EmregList.parse(list, options.emregUrl()).entries().forEach(e -> certs.addAll(e.certificates()));
        }
        return certs;
    }

    static List<X509Certificate> certificates(String pem) throws CertificateException {
        List<X509Certificate> certs = new ArrayList<>();
        if (!pem.contains("BEGIN CERTIFICATE")) {
            return certs;
        }
        for (var c : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            certs.add((X509Certificate) c);
        }
        return certs;
    }

    // ------------------------------------------------------------------ the checklist (4-37)

    private void checks() throws IOException {
        // The happy path: every result ticked.
        Flow a = flow(options.username(), options.password(), Pick.ALL);
        Redirect ra = a.redirect();
        add(4, AUTHORIZE, a.last() != null
                && (a.redirect() != null || a.last().status() == 200), a.describe());
        add(5, AUTHORIZE, ra != null && ra.code() != null && !ra.code().isEmpty() && a.state().equals(ra.params().get("state"))
                        && ra.location().toString().startsWith(options.redirectUri()) && ra.error() == null,
                a.describe());
        String host = URI.create(options.redirectUri()).getHost();
        add(6, AUTHORIZE, ra != null && a.submittedBeforeCode() && a.beforeRedirect() != null
                        && a.beforeRedirect().html().text().contains(host),
                a.beforeRedirect() == null ? "no page before the redirect" : a.beforeRedirect().html().text().contains(host)
                        ? "" : "the page before the code does not name " + host);
        refusalChecks();

        Token ta = null;
        Emrex2Http.Answer tokenAnswer = null;
        String firstJti = null;
        if (a.code() != null) {
            ClientAssertion assertion = assertion();
            firstJti = assertion.jti();
            tokenAnswer = token(a.code(), a.verifier(), assertion.sign(key));
            ta = token(tokenAnswer);
        }
        tokenResponseCheck(tokenAnswer, ta);
        Document elmoA = resultChecks(ta);

        // A second flow of the same student with one result: another document, its own token.
        Flow b = flow(options.username(), options.password(), Pick.ONE);
        Token tb = b.code() == null ? null : token(token(b.code(), b.verifier(), assertion().sign(key)));
        crossFlowCheck(ta, elmoA, tb);

        // The first code once more: refused, and the token of its first use no longer reads.
        if (a.code() == null || ta == null) {
            skip(17, TOKEN, "no token from the happy path");
        } else {
            Emrex2Http.Answer again = token(a.code(), a.verifier(), assertion().sign(key));
            Emrex2Http.Answer after = results(ta, Map.of("data_format", "elmo"), null, "revoked token");
            add(17, TOKEN, again.status() == 400 && "invalid_grant".equals(again.error()) && after.status() == 401,
                    "second use " + again.describe() + ", first token then " + after.describe());
        }

        Flow c = codeFlow();
        Emrex2Http.Answer wrongVerifier = c.code() == null ? null : token(c.code(), Pkce.verifier(), assertion().sign(key));
        expect(16, wrongVerifier, 400, "invalid_grant", c);

        Flow e = codeFlow();
        Emrex2Http.Answer otherKey = e.code() == null ? null
                : token(e.code(), e.verifier(), assertion().sign(otherKey()));
        expect(19, otherKey, 401, "invalid_client", e);
        Flow f = codeFlow();
        Emrex2Http.Answer wrongAud = f.code() == null ? null : token(f.code(), f.verifier(),
                assertion().audience("https://audience.invalid/oauth2/token").sign(key));
        expect(20, wrongAud, 401, "invalid_client", f);
        Flow g = codeFlow();
        Instant now = options.clock().instant();
        Emrex2Http.Answer expired = g.code() == null ? null : token(g.code(), g.verifier(),
                assertion().times(now.minus(Duration.ofMinutes(10)), now.minus(Duration.ofMinutes(5))).sign(key));
        expect(21, expired, 401, "invalid_client", g);
        Flow h = codeFlow();
        Emrex2Http.Answer replayed = h.code() == null || firstJti == null ? null
                : token(h.code(), h.verifier(), assertion().jti(firstJti).sign(key));
        expect(22, replayed, 401, "invalid_client", h);
        Flow u = codeFlow();
        Emrex2Http.Answer unknown = u.code() == null ? null : token(u.code(), u.verifier(),
                new ClientAssertion("unregistered-" + Pkce.random(6), audience(), options.clock().instant()).sign(key));
        expect(23, unknown, 400, "invalid_client", u);
        Flow far = codeFlow();
        Instant at = options.clock().instant();
        Emrex2Http.Answer tooLong = far.code() == null ? null : token(far.code(), far.verifier(),
                assertion().times(at, at.plus(Duration.ofMinutes(10))).sign(key));
        expect(26, tooLong, 401, "invalid_client", far);
        Flow other = codeFlow();
        Emrex2Http.Answer otherSubject = other.code() == null ? null : token(other.code(), other.verifier(),
                assertion().subject("someone-else").sign(key));
        expect(27, otherSubject, 401, "invalid_client", other);
        Emrex2Http.Answer noAssertion = http.postForm(options.tokenUrl(), List.of(
                field("grant_type", "authorization_code"), field("code", u.code() == null ? "none" : u.code()),
                field("redirect_uri", options.redirectUri()), field("code_verifier", u.verifier())));
        add(24, TOKEN, noAssertion.status() == 400 && "invalid_request".equals(noAssertion.error()), noAssertion.describe());
        Emrex2Http.Answer grant = http.postForm(options.tokenUrl(), List.of(field("grant_type", "password"),
                field("code", "none"), field("redirect_uri", options.redirectUri()), field("code_verifier", "x"),
                field("client_assertion_type", ClientAssertion.TYPE), field("client_assertion", assertion().sign(key))));
        add(25, TOKEN, grant.status() == 400 && "unsupported_grant_type".equals(grant.error()), grant.describe());

        noResultsCheck();
        slowChecks(tb);
        signedEverywhereCheck();
    }

    private void refusalChecks() throws IOException {
        // An unknown client and a foreign redirect URI: an error page of the EMP, never a redirect.
        Map<String, String> unknownClient = authorizeParams(Pkce.random(16), Pkce.s256(Pkce.verifier()));
        unknownClient.put("client_id", "unregistered-" + Pkce.random(6));
        KitBrowser.Page unknown = new KitBrowser().getNoFollow(Emrex2Http.withQuery(options.authorizeUrl(), unknownClient));
        add(7, AUTHORIZE, is4xx(unknown) && unknown.header("Location") == null && !unknown.body().isBlank(),
                "HTTP " + unknown.status() + location(unknown));
        List<String> wrongRedirect = new ArrayList<>();
        for (String uri : List.of(options.redirectUri() + "/other", options.redirectUri() + "?x=1",
                "https://redirect.invalid/callback")) {
            Map<String, String> params = authorizeParams(Pkce.random(16), Pkce.s256(Pkce.verifier()));
            params.put("redirect_uri", uri);
            KitBrowser.Page page = new KitBrowser().getNoFollow(Emrex2Http.withQuery(options.authorizeUrl(), params));
            if (!is4xx(page) || page.header("Location") != null) {
                wrongRedirect.add(uri + " -> HTTP " + page.status() + location(page));
            }
        }
        add(8, AUTHORIZE, wrongRedirect.isEmpty(), String.join("; ", wrongRedirect));
        errorRedirect(9, p -> {
            p.remove("code_challenge");
            p.remove("code_challenge_method");
        }, "invalid_request");
        errorRedirect(10, p -> {
            p.put("code_challenge", Pkce.verifier());
            p.put("code_challenge_method", "plain");
        }, "invalid_request");
        KitBrowser.Page noState = new KitBrowser().getNoFollow(Emrex2Http.withQuery(options.authorizeUrl(),
                without(authorizeParams(Pkce.random(16), Pkce.s256(Pkce.verifier())), "state")));
        Redirect stateless = redirect(noState);
        add(12, AUTHORIZE, stateless != null && "invalid_request".equals(stateless.error()) && stateless.code() == null,
                stateless == null ? "HTTP " + noState.status() + location(noState) : "redirected with " + stateless.params());
        errorRedirect(13, p -> p.put("response_type", "token"), "unsupported_response_type");
        errorRedirect(14, p -> p.put("scope", "no-such-evidence-type"), "invalid_scope");
        // Cancel on the login page.
        String state = Pkce.random(16);
        KitBrowser browser = new KitBrowser(options.redirectUri());
        KitBrowser.Page login = browser.get(Emrex2Http.withQuery(options.authorizeUrl(),
                authorizeParams(state, Pkce.s256(Pkce.verifier()))));
        Element cancel = login.html().select("form").stream()
                .filter(form -> Forms.isCancel(form) && ConformanceKit.sameOrigin(login, form)).findFirst().orElse(null);
        Redirect cancelled = cancel == null ? null : redirect(browser.submit(login, cancel, Forms.fields(cancel)));
        add(11, AUTHORIZE, cancelled != null && "access_denied".equals(cancelled.error())
                        && state.equals(cancelled.params().get("state")) && cancelled.code() == null,
                cancel == null ? "no cancel form on the login page" : cancelled == null ? "no redirect after cancel"
                        : "redirected with " + cancelled.params());
    }

    private void errorRedirect(int number, Consumer<Map<String, String>> change, String error)
            throws IOException {
        String state = Pkce.random(16);
        Map<String, String> params = authorizeParams(state, Pkce.s256(Pkce.verifier()));
        change.accept(params);
        KitBrowser.Page page = new KitBrowser().getNoFollow(Emrex2Http.withQuery(options.authorizeUrl(), params));
        Redirect r = redirect(page);
        add(number, AUTHORIZE, r != null && error.equals(r.error()) && state.equals(r.params().get("state"))
                && r.code() == null, r == null ? "HTTP " + page.status() + location(page) : "redirected with " + r.params());
    }

    private void tokenResponseCheck(Emrex2Http.Answer answer, Token token) {
        if (answer == null) {
            add(15, TOKEN, false, "no code from the happy path");
            return;
        }
        JsonNode json = answer.json();
        String cache = String.valueOf(answer.header("Cache-Control")).toLowerCase(Locale.ROOT);
        boolean ok = answer.status() == 200 && token != null && "bearer".equalsIgnoreCase(json.path("token_type").asText())
                && json.path("expires_in").canConvertToLong() && token.expiresIn() > 0 && token.expiresIn() <= 600
                && cache.contains("no-store") && answer.contentType().startsWith("application/json");
        add(15, TOKEN, ok,
                answer.describe() + ", token_type " + json.path("token_type").asText() + ", expires_in "
                        + json.path("expires_in").asText() + ", scope " + json.path("scope").asText() + ", Cache-Control "
                        + cache);
    }

    private Document resultChecks(Token token) throws IOException {
        if (token == null) {
            for (int n = 28; n <= 36; n++) {
                skip(n, RESULTS, "no access token from the happy path");
            }
            return null;
        }
        String requestId = "kit-" + Pkce.random(12);
        Emrex2Http.Answer elmo = results(token, Map.of("data_format", "elmo"), requestId, "elmo");
        elmoAnswer = elmo;
        Document doc = null;
        String parseProblem = "";
        try {
            doc = elmo.status() == 200 ? SecureXml.parse(elmo.body()) : null;
        } catch (SecureXml.XmlParseException e) {
            parseProblem = ": " + e.getMessage();
        }
        var valid = doc == null ? null : schema.validate(doc);
        add(28, RESULTS, doc != null && elmo.contentType().startsWith("application/xml") && valid.valid(),
                elmo.describe() + " " + elmo.contentType() + parseProblem + (valid == null || valid.valid() ? ""
                        : " " + valid.errors()));
        String xmlVerdict = "no document";
        boolean xmlValid = false;
        if (doc != null) {
            xmlVerdict = trusted.isEmpty() ? "no trusted certificate: give --emreg2-url, --emreg-url or --certificate"
                    : "";
            for (X509Certificate cert : trusted) {
                VerificationResult r = new JdkXmlSignatureVerifier().verify(doc, cert);
                if (r.valid()) {
                    xmlValid = true;
                    xmlVerdict = r.signatureAlgorithm() + " with certificate sha256 " + DetachedSignature.sha256(cert);
                    break;
                }
                xmlVerdict = String.join("; ", r.problems());
            }
        }
        add(29, RESULTS, xmlValid,
                xmlVerdict);
        DetachedSignature.Verdict jws = DetachedSignature.verify(elmo.header("X-Signature"), elmo.body(), trusted);
        byte[] changed = elmo.body().clone();
        if (changed.length > 0) {
            changed[changed.length / 2] ^= 1;
        }
        boolean tamperRefused = changed.length > 0
                && !DetachedSignature.verify(elmo.header("X-Signature"), changed, trusted).valid();
        add(30, RESULTS, jws.valid() && tamperRefused, jws.describe() + (tamperRefused ? "" : "; a changed body still verifies")
                        + "; X-Signature-Algorithm " + elmo.header("X-Signature-Algorithm"));
        add(31, RESULTS, requestId.equals(elmo.header("X-Request-ID")),
                "sent " + requestId + ", got " + elmo.header("X-Request-ID"));

        Emrex2Http.Answer userinfo = results(token, Map.of("data_format", "userinfo"), null, "userinfo");
        String userProblem = "";
        boolean userOk = false;
        try {
            Document learner = userinfo.status() == 200 ? SecureXml.parse(userinfo.body()) : null;
            if (learner == null) {
                userProblem = userinfo.describe();
            } else {
                org.w3c.dom.Element root = learner.getDocumentElement();
                String given = first(learner, "givenNames");
                String family = first(learner, "familyName");
                userOk = "learner".equals(root.getLocalName()) && NS.equals(root.getNamespaceURI()) && given != null
                        && (doc == null || given.equals(first(doc, "givenNames")) && family.equals(first(doc, "familyName")));
                userProblem = "<" + root.getLocalName() + "> of " + root.getNamespaceURI() + ": " + given + " " + family;
            }
        } catch (SecureXml.XmlParseException | RuntimeException e) {
            userProblem = e.getMessage();
        }
        add(32, RESULTS, userOk,
                userProblem);

        Emrex2Http.Answer metadata = results(token, Map.of("data_format", "pdf_metadata"), null, "pdf_metadata");
        JsonNode list = metadata.json().path("pdf_list");
        List<String> metaProblems = new ArrayList<>();
        if (metadata.status() != 200 || !list.isArray() || list.isEmpty()) {
            metaProblems.add(metadata.describe() + ", pdf_list " + list);
        }
        for (JsonNode pdf : list) {
            for (String name : List.of("pdf_id", "title", "issue_date", "type", "size_bytes", "checksum")) {
                if (!pdf.hasNonNull(name)) {
                    metaProblems.add("an entry without " + name);
                }
            }
            if (!pdf.path("checksum").asText().matches("sha256:[0-9a-fA-F]{64}")) {
                metaProblems.add("checksum " + pdf.path("checksum").asText() + " is not sha256:<hex>");
            }
        }
        add(33, RESULTS, metaProblems.isEmpty(), String.join("; ", metaProblems));
        List<String> pdfProblems = new ArrayList<>();
        for (JsonNode pdf : list) {
            String id = pdf.path("pdf_id").asText();
            Emrex2Http.Answer file = results(token, Map.of("data_format", "pdf", "pdf_id", id), null, "pdf " + id);
            String checksum = "sha256:" + sha256(file.body());
            if (file.status() != 200 || !file.contentType().startsWith("application/pdf")
                    || !new String(file.body(), 0, Math.min(5, file.body().length), StandardCharsets.ISO_8859_1).equals("%PDF-")
                    || !checksum.equalsIgnoreCase(pdf.path("checksum").asText())
                    || pdf.path("size_bytes").asLong(-1) != file.body().length) {
                pdfProblems.add(id + ": " + file.describe() + " " + file.contentType() + ", " + file.body().length
                        + " bytes, " + checksum);
            }
        }
        add(34, RESULTS, !list.isEmpty() && pdfProblems.isEmpty(), list.isEmpty() ? "no PDF listed" : String.join("; ", pdfProblems));
        Emrex2Http.Answer unknownPdf = results(token, Map.of("data_format", "pdf", "pdf_id", "unknown-" + Pkce.random(6)),
                null, "unknown pdf_id");
        Emrex2Http.Answer noPdfId = results(token, Map.of("data_format", "pdf"), null, "pdf without pdf_id");
        add(35, RESULTS, unknownPdf.status() == 404 && noPdfId.status() == 400,
                "unknown " + unknownPdf.describe() + ", missing " + noPdfId.describe());
        Emrex2Http.Answer format = results(token, Map.of("data_format", "docx"), null, "unsupported format");
        Emrex2Http.Answer version = results(token, Map.of("data_format", "elmo", "data_format_version", "0.1"), null,
                "unsupported version");
        add(36, RESULTS, format.status() == 400 && "invalid_request".equals(format.error()) && version.status() == 400
                        && "invalid_request".equals(version.error()),
                "format " + format.describe() + ", version " + version.describe());
        Emrex2Http.Answer none = http.get(Emrex2Http.withQuery(options.resultsUrl(), Map.of("data_format", "elmo")),
                null, null);
        received.add(new Received("no token", none));
        Emrex2Http.Answer bogus = http.get(Emrex2Http.withQuery(options.resultsUrl(), Map.of("data_format", "elmo")),
                Pkce.random(24), null);
        received.add(new Received("unknown token", bogus));
        add(37, RESULTS, invalidToken(none) && invalidToken(bogus), "no token " + none.describe() + " " + none.header("WWW-Authenticate")
                        + ", unknown " + bogus.describe());
        return doc;
    }

    private static boolean invalidToken(Emrex2Http.Answer answer) {
        String challenge = String.valueOf(answer.header("WWW-Authenticate"));
        return answer.status() == 401 && challenge.startsWith("Bearer");
    }

    private void crossFlowCheck(Token ta, Document elmoA, Token tb) throws IOException {
        if (ta == null || tb == null || elmoA == null) {
            add(38, RESULTS, false, ta == null || elmoA == null ? "no document from the happy path"
                    : "no token from the second flow");
            return;
        }
        Emrex2Http.Answer b = results(tb, Map.of("data_format", "elmo"), null, "second flow elmo");
        Emrex2Http.Answer aAgain = results(ta, Map.of("data_format", "elmo"), null, "first flow elmo again");
        List<String> problems = new ArrayList<>();
        try {
            int countA = elements(elmoA, "learningOpportunitySpecification");
            int countB = b.status() == 200 ? elements(SecureXml.parse(b.body()), "learningOpportunitySpecification") : -1;
            int countAgain = aAgain.status() == 200
                    ? elements(SecureXml.parse(aAgain.body()), "learningOpportunitySpecification") : -1;
            if (countB < 0 || countB >= countA) {
                problems.add("second flow (one result) has " + countB + " results, first " + countA);
            }
            if (countAgain != countA) {
                problems.add("the first token read " + countAgain + " results the second time, " + countA + " before");
            }
        } catch (SecureXml.XmlParseException e) {
            problems.add(e.getMessage());
        }
        // The second token with the first flow's PDF ids: not found, or the second flow's own PDF.
        Emrex2Http.Answer metaA = results(ta, Map.of("data_format", "pdf_metadata"), null, "first flow pdf_metadata");
        for (JsonNode pdf : metaA.json().path("pdf_list")) {
            Emrex2Http.Answer other = results(tb, Map.of("data_format", "pdf", "pdf_id", pdf.path("pdf_id").asText()),
                    null, "first flow's pdf with the second token");
            if (other.status() == 200 && ("sha256:" + sha256(other.body())).equalsIgnoreCase(pdf.path("checksum").asText())) {
                problems.add("the second token read the first flow's PDF " + pdf.path("pdf_id").asText());
            }
        }
        add(38, RESULTS, problems.isEmpty(), String.join("; ", problems));
    }

    private void noResultsCheck() throws IOException {
        if (options.noResultsUsername() == null) {
            skip(39, RESULTS, "no --no-results-user given");
            return;
        }
        Flow flow = flow(options.noResultsUsername(), options.noResultsPassword(), Pick.ALL);
        if (flow.code() == null) {
            add(39, RESULTS, false, flow.describe());
            return;
        }
        Token token = token(token(flow.code(), flow.verifier(), assertion().sign(key)));
        if (token == null) {
            add(39, RESULTS, false, "no token for the code of the empty transfer");
            return;
        }
        Emrex2Http.Answer answer = results(token, Map.of("data_format", "elmo"), null, "no results");
        DetachedSignature.Verdict jws = DetachedSignature.verify(answer.header("X-Signature"), answer.body(), trusted);
        add(39, RESULTS, answer.status() == 204 && answer.body().length == 0 && jws.valid(),
                answer.describe() + ", " + answer.body().length + " bytes, " + jws.describe());
    }

    private void slowChecks(Token tb) throws IOException {
        if (options.skipSlow()) {
            skip(18, TOKEN, "slow check skipped by --skip-slow");
            skip(40, RESULTS, "slow check skipped by --skip-slow");
            return;
        }
        Flow late = codeFlow();
        if (late.code() == null) {
            add(18, TOKEN, false, late.describe());
        } else {
            options.waiter().wait(options.codeLifetime().plusSeconds(1));
            Emrex2Http.Answer answer = token(late.code(), late.verifier(), assertion().sign(key));
            add(18, TOKEN, answer.status() == 400 && "invalid_grant".equals(answer.error()),
                    "after " + options.codeLifetime().plusSeconds(1).toSeconds() + " s: " + answer.describe());
        }
        if (tb == null) {
            add(40, RESULTS, false, "no token of the second flow");
            return;
        }
        Instant end = tb.issued().plusSeconds(tb.expiresIn() + 1);
        Duration left = Duration.between(options.clock().instant(), end);
        if (!left.isNegative()) {
            options.waiter().wait(left);
        }
        Emrex2Http.Answer answer = results(tb, Map.of("data_format", "elmo"), null, "expired token");
        add(40, RESULTS, answer.status() == 401 && "invalid_token".equals(answer.error())
                && invalidToken(answer), "after " + (tb.expiresIn() + 1) + " s: " + answer.describe());
    }

    private void signedEverywhereCheck() {
        List<String> unsigned = new ArrayList<>();
        for (Received r : received) {
            DetachedSignature.Verdict v = DetachedSignature.verify(r.answer().header("X-Signature"), r.answer().body(),
                    trusted);
            if (!v.valid()) {
                unsigned.add(r.context() + " (HTTP " + r.answer().status() + "): " + v.problem());
            }
        }
        add(41, RESULTS, !received.isEmpty() && unsigned.isEmpty(), received.size() + " answers checked"
                        + (unsigned.isEmpty() ? "" : "; " + String.join("; ", unsigned)));
    }

    // ------------------------------------------------------------------ driving the flow

    private Map<String, String> authorizeParams(String state, String challenge) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", options.clientId());
        params.put("redirect_uri", options.redirectUri());
        params.put("state", state);
        params.put("code_challenge", challenge);
        params.put("code_challenge_method", "S256");
        return params;
    }

    /** A flow only for its code: the student without results when there is one (no document to make). */
    private Flow codeFlow() throws IOException {
        return options.noResultsUsername() != null
                ? flow(options.noResultsUsername(), options.noResultsPassword(), Pick.ALL)
                : flow(options.username(), options.password(), Pick.ONE);
    }

    private Flow flow(String user, String password, Pick pick) throws IOException {
        String state = Pkce.random(16);
        String verifier = Pkce.verifier();
        Map<String, String> params = authorizeParams(state, Pkce.s256(verifier));
        KitBrowser browser = new KitBrowser(options.redirectUri());
        KitBrowser.Page first = browser.getNoFollow(Emrex2Http.withQuery(options.authorizeUrl(), params));
        Redirect early = redirect(first);
        if (early != null || first.status() / 100 != 3) {
            return new Flow(state, verifier, early, first, null, false);
        }
        KitBrowser.Page page = browser.follow(first);
        KitBrowser.Page before = page;
        page = options.login().login(browser, page, user, password);
        boolean submitted = true;
        for (int step = 0; step < 8; step++) {
            Redirect r = redirect(page);
            if (r != null) {
                return new Flow(state, verifier, r, page, before, submitted);
            }
            URI link = clientLink(page);
            if (link != null) {
                return new Flow(state, verifier, new Redirect(link, Emrex2Http.query(link)), page, page, submitted);
            }
            Element form = ConformanceKit.continueForm(page);
            if (form == null) {
                break;
            }
            List<Map.Entry<String, String>> fields = form.selectFirst("input[type=checkbox]") == null ? Forms.fields(form)
                    : pick == Pick.ALL ? Forms.allTicked(form) : oneTicked(form);
            before = page;
            page = browser.submit(page, form, fields);
        }
        return new Flow(state, verifier, null, page, before, submitted);
    }

    /** A link or GET form of the page that goes to the client's redirect URI (the no-results page's button). */
    private URI clientLink(KitBrowser.Page page) {
        for (Element a : page.html().select("a[href]")) {
            if (a.absUrl("href").startsWith(options.redirectUri())) {
                return URI.create(a.absUrl("href"));
            }
        }
        for (Element form : page.html().select("form")) {
            if (form.absUrl("action").startsWith(options.redirectUri())) {
                return Emrex2Http.withQuery(URI.create(form.absUrl("action")), toMap(Forms.fields(form)));
            }
        }
        return null;
    }

    private static Map<String, String> without(Map<String, String> params, String name) {
        params.remove(name);
        return params;
    }

    private static Map<String, String> toMap(List<Map.Entry<String, String>> fields) {
        Map<String, String> map = new LinkedHashMap<>();
        fields.forEach(f -> map.putIfAbsent(f.getKey(), f.getValue()));
        return map;
    }

    /** The form's own fields and one result ticked: a box that selects one thing, not a whole group. */
    private static List<Map.Entry<String, String>> oneTicked(Element form) {
        List<Map.Entry<String, String>> fields = new ArrayList<>();
        for (Map.Entry<String, String> f : Forms.fields(form)) {
            if (form.select("input[type=checkbox][name=" + f.getKey() + "]").isEmpty()) {
                fields.add(f);
            }
        }
        Element one = form.select("input[type=checkbox][name]").stream().filter(b -> !b.hasAttr("disabled"))
                .filter(b -> !b.hasAttr("data-select-all")).findFirst()
                .orElse(form.select("input[type=checkbox][name]").last());
        if (one != null) {
            fields.add(new SimpleEntry<>(one.attr("name"), one.hasAttr("value") ? one.attr("value") : "on"));
        }
        return fields;
    }

    private Redirect redirect(KitBrowser.Page page) {
        String location = page.header("Location");
        if (page.status() / 100 != 3 || location == null) {
            return null;
        }
        URI target = page.url().resolve(location);
        if (!target.toString().startsWith(options.redirectUri())) {
            return null;
        }
        return new Redirect(target, Emrex2Http.query(target));
    }

    // ------------------------------------------------------------------ token and resource calls

    private String audience() {
        return options.tokenUrl().toString();
    }

    private ClientAssertion assertion() {
        return new ClientAssertion(options.clientId(), audience(), options.clock().instant());
    }

    private Emrex2Http.Answer token(String code, String verifier, String assertion) throws IOException {
        return http.postForm(options.tokenUrl(), List.of(field("grant_type", "authorization_code"), field("code", code),
                field("redirect_uri", options.redirectUri()), field("code_verifier", verifier),
                field("client_assertion_type", ClientAssertion.TYPE), field("client_assertion", assertion)));
    }

    private Token token(Emrex2Http.Answer answer) {
        JsonNode json = answer.json();
        if (answer.status() != 200 || json.path("access_token").asText("").isEmpty()) {
            return null;
        }
        return new Token(json.path("access_token").asText(), options.clock().instant(),
                json.path("expires_in").asLong(0), answer);
    }

    private Emrex2Http.Answer results(Token token, Map<String, String> params, String requestId, String context)
            throws IOException {
        Emrex2Http.Answer answer = http.get(Emrex2Http.withQuery(options.resultsUrl(), new LinkedHashMap<>(params)),
                token.value(), requestId);
        received.add(new Received(context, answer));
        return answer;
    }

    private void expect(int number, Emrex2Http.Answer answer, int status, String error, Flow flow) {
        add(number, TOKEN, answer != null && answer.status() == status && error.equals(answer.error()),
                answer == null ? "no code to try it with: " + flow.describe() : answer.describe());
    }

    private PrivateKey otherKey() {
        try {
            if (key instanceof ECPrivateKey) {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
                return generator.generateKeyPair().getPrivate();
            }
            KeyPair pair = EmcKeys.generateRsa();
            return pair.getPrivate();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Map.Entry<String, String> field(String name, String value) {
        return new SimpleEntry<>(name, value == null ? "" : value);
    }

    private static String location(KitBrowser.Page page) {
        return page.header("Location") == null ? "" : " to " + page.header("Location");
    }

    private static boolean is4xx(KitBrowser.Page page) {
        return page.status() >= 400 && page.status() < 500;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String first(Document doc, String localName) {
        NodeList list = doc.getElementsByTagNameNS(NS, localName);
        return list.getLength() == 0 ? null : list.item(0).getTextContent();
    }

    private static int elements(Document doc, String localName) {
        return doc.getElementsByTagNameNS(NS, localName).getLength();
    }

    private void failUnrecorded(IOException e) {
        for (int n = 1; n <= TITLES.size(); n++) {
            int number = n;
            if (results.stream().noneMatch(r -> r.number() == number)) {
                add(n, n <= 3 ? ENDPOINTS : n <= 14 ? AUTHORIZE : n <= 27 ? TOKEN : RESULTS, false,
                        "the EMP could not be driven: " + e);
            }
        }
    }

    private void add(int number, String group, boolean passed, String detail) {
        results.add(new CheckResult(number, group, TITLES.get(number), passed ? Status.PASS : Status.FAIL, detail));
    }

    private void skip(int number, String group, String why) {
        results.add(new CheckResult(number, group, TITLES.get(number), Status.SKIPPED, why));
    }
}
