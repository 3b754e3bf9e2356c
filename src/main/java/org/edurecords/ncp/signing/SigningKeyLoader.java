package org.edurecords.ncp.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Reads the ELMO signing key from PEM files or a PKCS#12 key store and checks that it is usable:
 * RSA of at least {@value #MIN_RSA_BITS} bits, and the private key belongs to the certificate.
 * <p>
 * Error messages name the file and the reason only, never key material or passwords.
 */
public final class SigningKeyLoader {

    /** EMREX verifiers (JDK secure validation) refuse less than 1024 bits; we demand current practice. */
    public static final int MIN_RSA_BITS = 2048;

    /** The subject marker of the development certificate in keys-example/. */
    static final String EXAMPLE_MARKER = "NOT FOR PRODUCTION";

    private SigningKeyLoader() {
    }

    /**
     * Loads a PEM private key (PKCS#8 {@code PRIVATE KEY} or PKCS#1 {@code RSA PRIVATE KEY}, unencrypted) and
     * a PEM or DER certificate file; further certificates in that file form the chain.
     */
    public static SigningKey loadPem(Path keyFile, Path certificateFile) {
        requireReadableFile(keyFile, "Signing key");
        requireReadableFile(certificateFile, "Signing certificate");
        PrivateKey key = readPemPrivateKey(keyFile);
        List<X509Certificate> chain = readCertificates(certificateFile);
        return checked(key, chain, "PEM files " + keyFile + " and " + certificateFile);
    }

    /**
     * Loads the signing key from a PKCS#12 key store. With {@code aliasOrNull == null} the store must hold
     * exactly one private key entry. The store password also protects the key, as usual for PKCS#12.
     */
    public static SigningKey loadPkcs12(Path file, char[] password, String aliasOrNull) {
        requireReadableFile(file, "PKCS#12 key store");
        char[] pw = password == null ? new char[0] : password;
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, pw);
        } catch (IOException | GeneralSecurityException e) {
            // A wrong password surfaces as an IOException caused by UnrecoverableKeyException.
            throw new SigningKeyException("Cannot open PKCS#12 key store " + file
                    + ": wrong password, or not a PKCS#12 file", e);
        }
        try {
            String alias = chooseAlias(store, file, aliasOrNull);
            Key key = store.getKey(alias, pw);
            if (!(key instanceof PrivateKey privateKey)) {
                throw new SigningKeyException("Entry '" + alias + "' of " + file + " holds no private key");
            }
            Certificate[] certs = store.getCertificateChain(alias);
            if (certs == null || certs.length == 0) {
                throw new SigningKeyException("Entry '" + alias + "' of " + file + " has no certificate");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                if (!(c instanceof X509Certificate x509)) {
                    throw new SigningKeyException("Entry '" + alias + "' of " + file + " holds a non-X.509 certificate");
                }
                chain.add(x509);
            }
            return checked(privateKey, chain, "entry '" + alias + "' of PKCS#12 key store " + file);
        } catch (GeneralSecurityException e) {
            throw new SigningKeyException("Cannot read the private key from PKCS#12 key store " + file
                    + ": wrong key password or unsupported key protection", e);
        }
    }

    /** Whether this is the development certificate of keys-example/, whose private key is public. */
    public static boolean isExampleKey(X509Certificate certificate) {
        return certificate.getSubjectX500Principal().getName()
                .toUpperCase(Locale.ROOT).contains(EXAMPLE_MARKER);
    }

    /**
     * A PEM private key (PKCS#8 or PKCS#1, unencrypted) of another use than document signing, e.g. a receiver's
     * EMREX 2.0 client key; the same checks and messages as the signing key's.
     */
    public static PrivateKey pemPrivateKey(Path file, String what) {
        requireReadableFile(file, what);
        return readPemPrivateKey(file);
    }

    private static void requireReadableFile(Path file, String what) {
        if (file == null) {
            throw new SigningKeyException(what + " file is not configured");
        }
        if (!Files.exists(file)) {
            throw new SigningKeyException(what + " file not found: " + file.toAbsolutePath());
        }
        if (!Files.isRegularFile(file)) {
            throw new SigningKeyException(what + " path is not a regular file: " + file.toAbsolutePath());
        }
        if (!Files.isReadable(file)) {
            throw new SigningKeyException(what + " file is not readable (check permissions): " + file.toAbsolutePath());
        }
    }

    private static PrivateKey readPemPrivateKey(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            Object item;
            // Skip anything else a PEM bundle may carry (parameters, certificates) until a key shows up.
            while ((item = parser.readObject()) != null) {
                if (item instanceof PrivateKeyInfo pkcs8) {
                    return converter.getPrivateKey(pkcs8);
                }
                if (item instanceof PEMKeyPair pkcs1) {
                    return converter.getKeyPair(pkcs1).getPrivate();
                }
                if (item instanceof PKCS8EncryptedPrivateKeyInfo || item instanceof PEMEncryptedKeyPair) {
                    throw new SigningKeyException("Signing key file " + file + " holds an encrypted private key;"
                            + " use an unencrypted PEM key with strict file permissions, or a PKCS#12 key store");
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof SigningKeyException ske) {
                throw ske;
            }
            throw new SigningKeyException("Signing key file " + file + " is not a readable PEM private key", e);
        }
        throw new SigningKeyException("No private key found in " + file
                + " (expected a PEM block 'PRIVATE KEY' or 'RSA PRIVATE KEY')");
    }

    private static List<X509Certificate> readCertificates(Path file) {
        Collection<? extends Certificate> certs;
        try (InputStream in = Files.newInputStream(file)) {
            certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException | CertificateException e) {
            throw new SigningKeyException("Signing certificate file " + file + " is not a readable X.509 certificate", e);
        }
        if (certs.isEmpty()) {
            throw new SigningKeyException("No certificate found in " + file);
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate c : certs) {
            chain.add((X509Certificate) c);
        }
        return chain;
    }

    private static String chooseAlias(KeyStore store, Path file, String wanted) throws GeneralSecurityException {
        List<String> keyAliases = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keyAliases.add(alias);
            }
        }
        if (wanted != null) {
            if (!store.containsAlias(wanted) || !store.isKeyEntry(wanted)) {
                throw new SigningKeyException("PKCS#12 key store " + file + " has no private key entry '" + wanted
                        + "' (key entries: " + keyAliases + ")");
            }
            return wanted;
        }
        if (keyAliases.size() != 1) {
            throw new SigningKeyException("PKCS#12 key store " + file + " holds " + keyAliases.size()
                    + " private keys " + keyAliases + "; name the one to use with ncp.signing.pkcs12-alias");
        }
        return keyAliases.get(0);
    }

    private static SigningKey checked(PrivateKey key, List<X509Certificate> chain, String source) {
        X509Certificate certificate = chain.get(0);
        PublicKey publicKey = certificate.getPublicKey();
        if (!"RSA".equals(key.getAlgorithm()) || !(publicKey instanceof RSAPublicKey rsaPublic)) {
            throw new SigningKeyException("The signing key in " + source + " is not an RSA key (found "
                    + key.getAlgorithm() + "/" + publicKey.getAlgorithm() + "); ELMO documents are signed with rsa-sha256");
        }
        int bits = rsaPublic.getModulus().bitLength();
        if (bits < MIN_RSA_BITS) {
            throw new SigningKeyException("The signing key in " + source + " is an RSA key of " + bits
                    + " bits; at least " + MIN_RSA_BITS + " bits are required");
        }
        if (!belongsTo(key, rsaPublic)) {
            throw new SigningKeyException("Private key and certificate in " + source
                    + " do not match: the private key does not belong to the certificate's public key");
        }
        return new SigningKey(key, certificate, chain);
    }

    private static boolean belongsTo(PrivateKey key, RSAPublicKey publicKey) {
        if (key instanceof RSAPrivateCrtKey crt) {
            return crt.getModulus().equals(publicKey.getModulus())
                    && crt.getPublicExponent().equals(publicKey.getPublicExponent());
        }
        if (key instanceof RSAPrivateKey rsa && !rsa.getModulus().equals(publicKey.getModulus())) {
            return false;
        }
        // Without the public exponent (or for opaque keys) a test signature decides.
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(probe);
            byte[] value = signer.sign();
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(value);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
