package org.edurecords.ncp.signing;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * Holds the ELMO signing key. Loaded when the application starts, so that a missing or unusable key stops
 * the NCP at once instead of failing the first student at the end of a transfer.
 */
@ApplicationScoped
@Startup
public class SigningKeyStore {

    private static final Logger LOG = Logger.getLogger(SigningKeyStore.class);

    @Inject
    NcpConfig config;

    private volatile SigningKey current;
    private volatile List<X509Certificate> published = List.of();

    @PostConstruct
    void init() {
        SigningKey key = load(config.signing());
        X509Certificate cert = key.certificate();
        // Only public facts about the certificate; never the key.
        LOG.infof("ELMO signing certificate: subject '%s', serial %s, valid until %s",
                cert.getSubjectX500Principal().getName(), cert.getSerialNumber().toString(16),
                cert.getNotAfter().toInstant());
        if (SigningKeyLoader.isExampleKey(cert)) {
            LOG.warn("Signing with the public example key of keys-example/: anybody can forge documents"
                    + " with it; never use it in production");
        }
        Instant now = Instant.now();
        if (cert.getNotAfter().toInstant().isBefore(now) || cert.getNotBefore().toInstant().isAfter(now)) {
            LOG.warnf("The ELMO signing certificate is not valid now (valid from %s until %s);"
                    + " receivers may refuse the documents", cert.getNotBefore().toInstant(),
                    cert.getNotAfter().toInstant());
        }
        current = key;
        published = withNextCertificates(cert, config.registry().nextCertificatePaths().orElse(List.of()));
    }

    /** The key that signs new ELMO documents. */
    public SigningKey current() {
        return current;
    }

    /**
     * The certificates to publish for verifiers (EMREG {@code pubKey}, EWP manifest {@code certificate}):
     * the signing certificate first, then the configured next ones ({@code ncp.registry.next-certificate-paths}),
     * so that receivers already trust a new key when it starts signing.
     */
    public List<X509Certificate> publishedCertificates() {
        return published;
    }

    /** The signing certificate plus readable next certificates; a broken next certificate stops the start. */
    static List<X509Certificate> withNextCertificates(X509Certificate signing, List<String> nextPaths) {
        java.util.LinkedHashSet<X509Certificate> all = new java.util.LinkedHashSet<>();
        all.add(signing);
        for (String path : nextPaths) {
            if (path == null || path.isBlank()) {
                continue;
            }
            try {
                for (X509Certificate next : Certificates.read(Path.of(path.strip()))) {
                    if (all.add(next)) {
                        LOG.infof("Publishing next ELMO signing certificate: subject '%s', serial %s, valid from %s",
                                next.getSubjectX500Principal().getName(), next.getSerialNumber().toString(16),
                                next.getNotBefore().toInstant());
                    }
                }
            } catch (java.io.IOException | java.security.cert.CertificateException e) {
                throw new SigningKeyException("Next signing certificate " + path
                        + " (ncp.registry.next-certificate-paths) is not a readable X.509 certificate", e);
            }
        }
        return List.copyOf(all);
    }

    /** Loads and checks the configured key; throws {@link SigningKeyException} with a message for the operator. */
    static SigningKey load(NcpConfig.Signing signing) {
        Optional<String> keyPath = nonBlank(signing.keyPath());
        Optional<String> certificatePath = nonBlank(signing.certificatePath());
        Optional<String> pkcs12Path = nonBlank(signing.pkcs12Path());
        boolean pem = keyPath.isPresent() || certificatePath.isPresent();

        SigningKey key;
        if (pem && pkcs12Path.isPresent()) {
            throw new SigningKeyException("Both a PEM key (ncp.signing.key-path/certificate-path) and a PKCS#12 key"
                    + " store (ncp.signing.pkcs12-path) are configured; configure only one");
        } else if (pem) {
            if (keyPath.isEmpty()) {
                throw new SigningKeyException("ncp.signing.certificate-path is set but ncp.signing.key-path is not");
            }
            if (certificatePath.isEmpty()) {
                throw new SigningKeyException("ncp.signing.key-path is set but ncp.signing.certificate-path is not");
            }
            key = SigningKeyLoader.loadPem(Path.of(keyPath.get()), Path.of(certificatePath.get()));
        } else if (pkcs12Path.isPresent()) {
            char[] password = signing.pkcs12Password().orElse("").toCharArray();
            key = SigningKeyLoader.loadPkcs12(Path.of(pkcs12Path.get()), password,
                    nonBlank(signing.pkcs12Alias()).orElse(null));
        } else {
            throw new SigningKeyException("No ELMO signing key configured: set ncp.signing.key-path and"
                    + " ncp.signing.certificate-path (PEM), or ncp.signing.pkcs12-path (PKCS#12)");
        }

        if (SigningKeyLoader.isExampleKey(key.certificate()) && !signing.allowExampleKey()) {
            throw new SigningKeyException("The configured signing certificate ('"
                    + key.certificate().getSubjectX500Principal().getName() + "') is the public example key,"
                    + " which anybody can use to forge documents. Configure a key of your own;"
                    + " for demos and tests only, set ncp.signing.allow-example-key=true");
        }
        return key;
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.map(String::strip).filter(v -> !v.isEmpty());
    }
}
