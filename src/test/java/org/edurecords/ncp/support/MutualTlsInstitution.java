package org.edurecords.ncp.support;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * An institution endpoint that demands a TLS client certificate (mutual TLS), as student information
 * systems behind a national integration platform do. Keys and certificates are made fresh for each run:
 * the server trusts only the NCP's client certificate, the NCP trusts only the server's certificate.
 * Two sources point at it: {@code mtls} (secure.example.org) with the client certificate, and
 * {@code nocert} (nocert.example.org) with the trust store but without a client certificate.
 */
public class MutualTlsInstitution implements QuarkusTestResourceLifecycleManager {

    private static final String PASSWORD = "test-store-password";

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("ncp-mtls");
            KeyPair serverKey = rsa();
            X509Certificate serverCert = selfSigned(serverKey, "CN=localhost", true);
            KeyPair clientKey = rsa();
            X509Certificate clientCert = selfSigned(clientKey, "CN=EMREX NCP test client", false);
            Path serverStore = store(dir.resolve("server.p12"), "server", serverKey, serverCert);
            Path serverTrust = trust(dir.resolve("server-trust.p12"), clientCert);
            Path clientStore = store(dir.resolve("client.p12"), "client", clientKey, clientCert);
            Path clientTrust = trust(dir.resolve("client-trust.p12"), serverCert);

            server = new WireMockServer(wireMockConfig().dynamicPort().dynamicHttpsPort()
                    .keystorePath(serverStore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                    .keystoreType("PKCS12").needClientAuth(true)
                    .trustStorePath(serverTrust.toString()).trustStorePassword(PASSWORD).trustStoreType("PKCS12"));
            server.start();
            String base = "https://localhost:" + server.httpsPort();
            Map<String, String> config = new HashMap<>();
            config.put("ncp.sources.http.mtls.institution", "secure.example.org");
            config.put("ncp.sources.http.mtls.url-template", base + "/secure/elmo/{learner}");
            config.put("ncp.sources.http.mtls.key-store-path", clientStore.toString());
            config.put("ncp.sources.http.mtls.key-store-password", PASSWORD);
            config.put("ncp.sources.http.mtls.trust-store-path", clientTrust.toString());
            config.put("ncp.sources.http.mtls.trust-store-password", PASSWORD);
            config.put("ncp.sources.http.nocert.institution", "nocert.example.org");
            config.put("ncp.sources.http.nocert.url-template", base + "/secure/elmo/{learner}");
            config.put("ncp.sources.http.nocert.trust-store-path", clientTrust.toString());
            config.put("ncp.sources.http.nocert.trust-store-password", PASSWORD);
            config.put("ncp.sources.http.nocert.retries", "0");
            config.put("ncp.sources.timeout", "5S");
            return config;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot set up the mutual TLS institution", e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(server,
                new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static KeyPair rsa() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair key, String subject, boolean localhost)
            throws GeneralSecurityException, IOException, OperatorCreationException {
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(Duration.ofDays(2))), name, key.getPublic());
        if (localhost) {
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(key.getPrivate())));
    }

    private static Path store(Path path, String alias, KeyPair key, X509Certificate cert)
            throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key.getPrivate(), PASSWORD.toCharArray(), new Certificate[] {cert});
        return save(store, path);
    }

    private static Path trust(Path path, X509Certificate cert) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("trusted", cert);
        return save(store, path);
    }

    private static Path save(KeyStore store, Path path) throws GeneralSecurityException, IOException {
        try (OutputStream out = Files.newOutputStream(path)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return path;
    }
}
