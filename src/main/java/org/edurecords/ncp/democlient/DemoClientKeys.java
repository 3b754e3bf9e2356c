package org.edurecords.ncp.democlient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.StartupEvent;
import org.edurecords.ncp.conformance.EmcKeys;
import org.edurecords.ncp.config.NcpConfig;
import org.jboss.logging.Logger;

/**
 * The demo client's own EMREX 2.0 key pair (RSA 2048, RS256): generated with the JDK at the first start with the
 * demo client on and written as PKCS#8 PEM to {@code ncp.demo.client-emrex2-key}; read from there on later starts.
 */
@ApplicationScoped
public class DemoClientKeys {

    private static final Logger LOG = Logger.getLogger(DemoClientKeys.class);

    @Inject
    NcpConfig config;

    private volatile KeyPair keys;

    void generateAtStart(@Observes StartupEvent event) {
        if (config.demo().clientEnabled()) {
            keyPair();
        }
    }

    public KeyPair keyPair() {
        KeyPair current = keys;
        if (current == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrGenerate(Path.of(config.demo().clientEmrex2Key()));
                }
                current = keys;
            }
        }
        return current;
    }

    /** The public key as the registration publishes it. */
    public String publicKeyPem() {
        return EmcKeys.publicPem(keyPair().getPublic());
    }

    static KeyPair loadOrGenerate(Path file) {
        try {
            if (Files.exists(file)) {
                return EmcKeys.read(file);
            }
            KeyPair generated = EmcKeys.generateRsa();
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.writeString(file, EmcKeys.privatePem(generated.getPrivate()), StandardCharsets.US_ASCII,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException raced) {
                return EmcKeys.read(file);
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException | IOException e) {
                // Not a POSIX file system: the folder's own permissions apply.
            }
            LOG.infof("Demo client: generated its EMREX 2.0 key pair in %s", file);
            return generated;
        } catch (IOException e) {
            throw new IllegalStateException("The demo client cannot read or write its EMREX 2.0 key " + file, e);
        }
    }
}
