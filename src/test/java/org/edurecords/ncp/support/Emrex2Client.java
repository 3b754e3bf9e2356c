package org.edurecords.ncp.support;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.restassured.response.Response;

/**
 * An EMREX 2.0 client (EMC) for the tests: PKCE, the authorization request through the student's browser
 * ({@link FlowClient}), a signed client assertion, the token and the results. Its check of {@code X-Signature} uses
 * the JDK's {@link Signature} only, independent of the service's signing code.
 */
public class Emrex2Client {

    public static final String CLIENT_ID = "test-emc";
    public static final String REDIRECT_URI = "https://emc.example.org/emrex2/callback";
    public static final Path KEY = Path.of("src/test/resources/emrex2/test-emc.key.pem");
    public static final String EC_CLIENT_ID = "test-emc-ec";
    public static final String EC_REDIRECT_URI = "https://ec.example.org/return";
    public static final Path EC_KEY = Path.of("src/test/resources/emrex2/test-emc-ec.key.pem");
    public static final Path OTHER_KEY = Path.of("src/test/resources/emrex2/other.key.pem");
    private static final SecureRandom RANDOM = new SecureRandom();

    public final FlowClient browser = new FlowClient();
    public final String clientId;
    public final String redirectUri;
    public final PrivateKey key;
    public final String publicUrl;
    public String state;
    public String verifier;
    public String flowPath;
    /** The answer to the login POST: a redirect to the selection, or the no-results page. */
    public Response login;

    public Emrex2Client(String publicUrl) {
        this(publicUrl, CLIENT_ID, REDIRECT_URI, KEY);
    }

    public Emrex2Client(String publicUrl, String clientId, String redirectUri, Path key) {
        this.publicUrl = publicUrl.replaceAll("/$", "");
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.key = privateKey(key);
    }

    /** A fresh state and PKCE pair, and the authorization request's parameters. */
    public Map<String, String> authorizeParameters() {
        state = random();
        verifier = random() + random();
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", clientId);
        query.put("redirect_uri", redirectUri);
        query.put("state", state);
        query.put("code_challenge", challenge(verifier));
        query.put("code_challenge_method", "S256");
        return query;
    }

    /** The browser's GET of the authorization URL (rest-assured encodes the query's values). */
    public Response authorize(Map<String, String> query) {
        StringBuilder raw = new StringBuilder();
        query.forEach((name, value) -> raw.append(raw.length() == 0 ? "" : "&").append(name).append('=').append(value));
        return browser.get("/oauth2/authorize?" + raw);
    }

    /** Authorizes and logs the student in; the browser stands on the selection page. */
    public Emrex2Client startAndLogin(String username, String password) {
        return startAndLogin(username, password, null);
    }

    /** The same, asking for the evidence types of {@code scope} (space separated; null asks for everything). */
    public Emrex2Client startAndLogin(String username, String password, String scope) {
        Map<String, String> query = authorizeParameters();
        if (scope != null) {
            query.put("scope", scope);
        }
        Response authorize = authorize(query);
        assertEquals(303, authorize.statusCode(), authorize.asString());
        String location = authorize.header("Location");
        flowPath = location.substring(location.indexOf("/emrex/flow/"), location.lastIndexOf('/'));
        assertEquals(200, browser.get(flowPath + "/login").statusCode());
        login = browser.post(flowPath + "/login", Map.of("username", username, "password", password));
        assertTrue(login.statusCode() == 303 || login.statusCode() == 200, login.asString());
        return this;
    }

    /** Ticks every result offered and goes to the preview. */
    public Response selectAll() {
        org.jsoup.nodes.Document page = FlowClient.html(browser.get(flowPath + "/select"));
        Map<String, List<String>> form = new LinkedHashMap<>();
        form.put("lo", page.select("input[name=lo]").eachAttr("value"));
        Response selected = browser.post(flowPath + "/select", new LinkedHashMap<>(form));
        assertEquals(303, selected.statusCode(), selected.asString());
        return browser.get(flowPath + "/preview");
    }

    public Response confirm() {
        org.jsoup.nodes.Document preview = FlowClient.html(browser.get(flowPath + "/preview"));
        String version = preview.selectFirst("form[action$=/confirm] input[name=version]").attr("value");
        return browser.post(flowPath + "/confirm", Map.of("version", version));
    }

    /** The whole student side: authorize, log in, select everything, confirm; returns the code. */
    public String consent(String username, String password) {
        startAndLogin(username, password);
        selectAll();
        Response confirmed = confirm();
        assertEquals(303, confirmed.statusCode(), confirmed.asString());
        Map<String, String> answer = redirectParameters(confirmed.header("Location"));
        assertEquals(state, answer.get("state"));
        assertTrue(answer.containsKey("code"), "a code: " + answer);
        return answer.get("code");
    }

    /** The query of a redirect to our redirect URI, after checking it goes there. */
    public Map<String, String> redirectParameters(String location) {
        assertTrue(location.startsWith(redirectUri + "?"), "redirected to the registered URI: " + location);
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            parameters.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return parameters;
    }

    public String assertion() {
        return assertion(claims(Instant.now()).build(), key);
    }

    public JWTClaimsSet.Builder claims(Instant now) {
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId).audience(publicUrl + "/oauth2/token")
                .jwtID(UUID.randomUUID().toString()).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(120)));
    }

    public static String assertion(JWTClaimsSet claims, PrivateKey key) {
        return assertion(claims, key, key.getAlgorithm().equals("EC") ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256);
    }

    public static String assertion(JWTClaimsSet claims, PrivateKey key, JWSAlgorithm algorithm) {
        try {
            boolean ec = key.getAlgorithm().equals("EC");
            JWSSigner signer = ec ? new ECDSASigner((java.security.interfaces.ECPrivateKey) key) : new RSASSASigner(key);
            SignedJWT jwt = new SignedJWT(new JWSHeader(algorithm), claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public Response token(String code) {
        return token(code, verifier, assertion());
    }

    public Response token(String code, String codeVerifier, String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        form.put("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
        form.put("client_assertion", assertion);
        return tokenForm(form);
    }

    public static Response tokenForm(Map<String, String> form) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form).post("/oauth2/token");
    }

    public static Response results(String token, String query) {
        return given().redirects().follow(false).header("Authorization", "Bearer " + token)
                .get("/results" + (query.isEmpty() ? "" : "?" + query));
    }

    /**
     * Checks a detached {@code X-Signature} over the exact body with the JDK alone: the header says RS256 or ES256,
     * and the signature verifies with the certificate's key over BASE64URL(header) "." BASE64URL(body).
     */
    public static boolean signatureValid(Response response, X509Certificate certificate) {
        return signatureValid(response.header("X-Signature"), response.asByteArray(), certificate);
    }

    public static boolean signatureValid(String jws, byte[] body, X509Certificate certificate) {
        if (jws == null) {
            return false;
        }
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty()) {
            return false;
        }
        try {
            String header = new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
            boolean rsa = header.contains("\"RS256\"");
            byte[] input = (parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(body))
                    .getBytes(StandardCharsets.US_ASCII);
            Signature check = Signature.getInstance(rsa ? "SHA256withRSA" : "SHA256withECDSAinP1363Format");
            check.initVerify(certificate.getPublicKey());
            check.update(input);
            return check.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (Exception e) {
            return false;
        }
    }

    /** The service's signing certificate as its EMREG entry publishes it (first PEM block). */
    public static X509Certificate publishedCertificate() {
        String pem = given().get("/emreg").jsonPath().getString("pubKey");
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String query(Map<String, String> parameters) {
        StringBuilder query = new StringBuilder();
        parameters.forEach((name, value) -> {
            if (value != null) {
                query.append(query.length() == 0 ? "" : "&").append(name).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        });
        return query.toString();
    }

    private static String random() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static PrivateKey privateKey(Path file) {
        try {
            String pem = Files.readString(file);
            byte[] der = Base64.getDecoder().decode(pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "")
                    .replaceAll("\\s", ""));
            String algorithm = pem.length() < 400 ? "EC" : "RSA";
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
