package org.edurecords.ncp.signing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.edurecords.ncp.config.NcpConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyLoaderTest {

    static final Path EXAMPLE_KEY = Path.of("keys-example/ncp-example.key.pem");
    static final Path EXAMPLE_CERT = Path.of("keys-example/ncp-example.cert.pem");

    @TempDir
    Path dir;

    private static KeyPair otherPair;
    private static X509Certificate otherCert;
    /** A line of the example key's base64, to prove that no message ever carries key material. */
    private static String keyMaterialSample;

    @BeforeAll
    static void keys() throws Exception {
        otherPair = rsa(2048);
        otherCert = selfSigned(otherPair, "CN=Other NCP, O=Example University");
        keyMaterialSample = Files.readAllLines(EXAMPLE_KEY).get(1).substring(0, 40);
    }

    @Test
    void loadsTheExamplePkcs8PemKeyAndDetectsIt() {
        SigningKey key = SigningKeyLoader.loadPem(EXAMPLE_KEY, EXAMPLE_CERT);

        assertEquals("RSA", key.privateKey().getAlgorithm());
        assertEquals(3072, ((RSAPublicKey) key.certificate().getPublicKey()).getModulus().bitLength());
        assertEquals(List.of(key.certificate()), key.chain());
        assertTrue(SigningKeyLoader.isExampleKey(key.certificate()));
        assertFalse(key.toString().contains(keyMaterialSample));
    }

    @Test
    void loadsAPkcs1PemKey() throws Exception {
        PrivateKey pkcs8 = SigningKeyLoader.loadPem(EXAMPLE_KEY, EXAMPLE_CERT).privateKey();
        Path pkcs1 = dir.resolve("traditional.pem");
        // JcaPEMWriter writes an RSA private key in the traditional PKCS#1 form.
        writePem(pkcs1, pkcs8);
        assertTrue(Files.readString(pkcs1).startsWith("-----BEGIN RSA PRIVATE KEY-----"),
                "the test file must really be PKCS#1");

        SigningKey key = SigningKeyLoader.loadPem(pkcs1, EXAMPLE_CERT);

        assertArrayEquals(pkcs8.getEncoded(), key.privateKey().getEncoded());
    }

    @Test
    void loadsPkcs12WithAndWithoutAlias() throws Exception {
        SigningKey example = SigningKeyLoader.loadPem(EXAMPLE_KEY, EXAMPLE_CERT);
        Path p12 = dir.resolve("ncp.p12");
        char[] password = "store-secret".toCharArray();
        writePkcs12(p12, password, "ncp-signing", example.privateKey(), example.certificate());

        SigningKey byDefault = SigningKeyLoader.loadPkcs12(p12, password, null);
        SigningKey byAlias = SigningKeyLoader.loadPkcs12(p12, password, "ncp-signing");

        assertEquals(example.certificate(), byDefault.certificate());
        assertArrayEquals(example.privateKey().getEncoded(), byDefault.privateKey().getEncoded());
        assertEquals(example.certificate(), byAlias.certificate());
        assertEquals(List.of(example.certificate()), byAlias.chain());
    }

    @Test
    void pkcs12WithWrongPasswordNamesTheFileButNotThePassword() throws Exception {
        SigningKey example = SigningKeyLoader.loadPem(EXAMPLE_KEY, EXAMPLE_CERT);
        Path p12 = dir.resolve("ncp.p12");
        writePkcs12(p12, "right-one".toCharArray(), "ncp", example.privateKey(), example.certificate());

        SigningKeyException e = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPkcs12(p12, "wrong-one".toCharArray(), null));

        assertTrue(e.getMessage().contains(p12.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("wrong password"), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-one"));
        assertFalse(e.getMessage().contains("right-one"));
    }

    @Test
    void pkcs12AliasMustExistAndBeUniqueWhenOmitted() throws Exception {
        SigningKey example = SigningKeyLoader.loadPem(EXAMPLE_KEY, EXAMPLE_CERT);
        Path p12 = dir.resolve("two.p12");
        char[] password = "pw".toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("first", example.privateKey(), password, new Certificate[] {example.certificate()});
        store.setKeyEntry("second", otherPair.getPrivate(), password, new Certificate[] {otherCert});
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, password);
        }

        SigningKeyException ambiguous = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPkcs12(p12, password, null));
        SigningKeyException unknown = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPkcs12(p12, password, "third"));
        SigningKey second = SigningKeyLoader.loadPkcs12(p12, password, "second");

        assertTrue(ambiguous.getMessage().contains("holds 2 private keys"), ambiguous.getMessage());
        assertTrue(ambiguous.getMessage().contains("ncp.signing.pkcs12-alias"), ambiguous.getMessage());
        assertTrue(unknown.getMessage().contains("'third'"), unknown.getMessage());
        assertEquals(otherCert, second.certificate());
    }

    @Test
    void rejectsAKeyThatDoesNotBelongToTheCertificate() throws Exception {
        Path otherKey = dir.resolve("other.key.pem");
        writePem(otherKey, new JcaPKCS8Generator(otherPair.getPrivate(), null));

        SigningKeyException e = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPem(otherKey, EXAMPLE_CERT));

        assertTrue(e.getMessage().contains("do not match"), e.getMessage());
        assertTrue(e.getMessage().contains(otherKey.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(EXAMPLE_CERT.toString()), e.getMessage());
        assertFalse(e.getMessage().contains("BEGIN"), e.getMessage());
    }

    @Test
    void rejectsAMismatchInsidePkcs12Too() throws Exception {
        SigningKey example = SigningKeyLoader.loadPem(EXAMPLE_KEY, EXAMPLE_CERT);
        Path p12 = dir.resolve("mismatch.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        // The JDK key store does not check that key and certificate belong together; the loader must.
        store.setKeyEntry("ncp", otherPair.getPrivate(), "pw".toCharArray(), new Certificate[] {example.certificate()});
        try (OutputStream out = Files.newOutputStream(p12)) {
            store.store(out, "pw".toCharArray());
        }

        SigningKeyException e = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPkcs12(p12, "pw".toCharArray(), null));
        assertTrue(e.getMessage().contains("do not match"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed() {
        Path missing = dir.resolve("nowhere.pem");

        SigningKeyException key = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPem(missing, EXAMPLE_CERT));
        SigningKeyException cert = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPem(EXAMPLE_KEY, missing));
        SigningKeyException p12 = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPkcs12(missing, new char[0], null));

        for (SigningKeyException e : List.of(key, cert, p12)) {
            assertTrue(e.getMessage().contains("not found"), e.getMessage());
            assertTrue(e.getMessage().contains(missing.toAbsolutePath().toString()), e.getMessage());
        }
        assertTrue(key.getMessage().startsWith("Signing key file"), key.getMessage());
        assertTrue(cert.getMessage().startsWith("Signing certificate file"), cert.getMessage());
    }

    @Test
    void unreadableOrWrongContentIsExplained() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "this is not a key\n");
        Path brokenBase64 = Files.writeString(dir.resolve("broken.pem"),
                "-----BEGIN PRIVATE KEY-----\n!!!notbase64!!!\n-----END PRIVATE KEY-----\n");
        Path binary = Files.write(dir.resolve("binary.der"), new byte[] {0x30, (byte) 0x82, (byte) 0xff, (byte) 0xfe});

        SigningKeyException noKey = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPem(garbage, EXAMPLE_CERT));
        SigningKeyException certAsKey = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPem(EXAMPLE_CERT, EXAMPLE_CERT));
        SigningKeyException broken = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPem(brokenBase64, EXAMPLE_CERT));
        SigningKeyException der = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPem(binary, EXAMPLE_CERT));
        SigningKeyException keyAsCert = assertThrows(SigningKeyException.class,
                () -> SigningKeyLoader.loadPem(EXAMPLE_KEY, EXAMPLE_KEY));

        assertTrue(noKey.getMessage().startsWith("No private key found in " + garbage), noKey.getMessage());
        assertTrue(certAsKey.getMessage().startsWith("No private key found in " + EXAMPLE_CERT), certAsKey.getMessage());
        assertTrue(broken.getMessage().contains("not a readable PEM private key"), broken.getMessage());
        assertTrue(der.getMessage().contains("not a readable PEM private key"), der.getMessage());
        assertTrue(keyAsCert.getMessage().contains("not a readable X.509 certificate"), keyAsCert.getMessage());
        assertFalse(keyAsCert.getMessage().contains(keyMaterialSample), keyAsCert.getMessage());
    }

    @Test
    void rejectsEncryptedPemKeys() throws Exception {
        Path encrypted = dir.resolve("encrypted.pem");
        writePem(encrypted, new JcaPKCS8Generator(otherPair.getPrivate(),
                new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                        // The JDK lacks the PKCS7Padding name; use a BouncyCastle instance without registering it.
                        .setProvider(new BouncyCastleProvider()).setPassword("pw".toCharArray()).build()));
        Path cert = dir.resolve("other.cert.pem");
        writePem(cert, otherCert);

        SigningKeyException e = assertThrows(SigningKeyException.class, () -> SigningKeyLoader.loadPem(encrypted, cert));
        assertTrue(e.getMessage().contains("encrypted private key"), e.getMessage());
    }

    @Test
    void rejectsRsaKeysBelow2048Bits() throws Exception {
        KeyPair small = rsa(1024);
        Path key = dir.resolve("small.key.pem");
        Path cert = dir.resolve("small.cert.pem");
        writePem(key, new JcaPKCS8Generator(small.getPrivate(), null));
        writePem(cert, selfSigned(small, "CN=Small"));

        SigningKeyException e = assertThrows(SigningKeyException.class, () -> SigningKeyLoader.loadPem(key, cert));
        assertTrue(e.getMessage().contains("1024 bits"), e.getMessage());
        assertTrue(e.getMessage().contains("at least 2048"), e.getMessage());
    }

    @Test
    void rejectsNonRsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair ec = generator.generateKeyPair();
        X500Name name = new X500Name("CN=EC NCP");
        Instant now = Instant.now();
        X509Certificate ecCert = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.TEN, Date.from(now), Date.from(now.plus(1, ChronoUnit.DAYS)), name, ec.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(ec.getPrivate())));
        Path key = dir.resolve("ec.key.pem");
        Path cert = dir.resolve("ec.cert.pem");
        writePem(key, new JcaPKCS8Generator(ec.getPrivate(), null));
        writePem(cert, ecCert);

        SigningKeyException e = assertThrows(SigningKeyException.class, () -> SigningKeyLoader.loadPem(key, cert));
        assertTrue(e.getMessage().contains("is not an RSA key (found EC/EC)"), e.getMessage());
    }

    @Test
    void onlyTheMarkedCertificateCountsAsExampleKey() {
        assertFalse(SigningKeyLoader.isExampleKey(otherCert));
    }

    // --- SigningKeyStore: the configuration rules applied at startup

    @Test
    void storeRefusesToStartWithoutAKey() {
        SigningKeyException e = assertThrows(SigningKeyException.class,
                () -> SigningKeyStore.load(config(null, null, null, null, false)));
        assertTrue(e.getMessage().startsWith("No ELMO signing key configured"), e.getMessage());
    }

    @Test
    void storeRefusesTheExampleKeyUnlessAllowed() {
        SigningKeyException e = assertThrows(SigningKeyException.class,
                () -> SigningKeyStore.load(config(EXAMPLE_KEY.toString(), EXAMPLE_CERT.toString(), null, null, false)));
        SigningKey allowed = SigningKeyStore.load(config(EXAMPLE_KEY.toString(), EXAMPLE_CERT.toString(), null, null, true));

        assertTrue(e.getMessage().contains("public example key"), e.getMessage());
        assertTrue(e.getMessage().contains("ncp.signing.allow-example-key=true"), e.getMessage());
        assertTrue(SigningKeyLoader.isExampleKey(allowed.certificate()));
    }

    @Test
    void storeNeedsACompleteAndUnambiguousConfiguration() {
        SigningKeyException keyOnly = assertThrows(SigningKeyException.class,
                () -> SigningKeyStore.load(config(EXAMPLE_KEY.toString(), "  ", null, null, true)));
        SigningKeyException certOnly = assertThrows(SigningKeyException.class,
                () -> SigningKeyStore.load(config(null, EXAMPLE_CERT.toString(), null, null, true)));
        SigningKeyException both = assertThrows(SigningKeyException.class,
                () -> SigningKeyStore.load(config(EXAMPLE_KEY.toString(), EXAMPLE_CERT.toString(), "ncp.p12", "pw", true)));

        assertTrue(keyOnly.getMessage().contains("ncp.signing.certificate-path is not"), keyOnly.getMessage());
        assertTrue(certOnly.getMessage().contains("ncp.signing.key-path is not"), certOnly.getMessage());
        assertTrue(both.getMessage().contains("configure only one"), both.getMessage());
    }

    @Test
    void storeLoadsPkcs12() throws Exception {
        Path p12 = dir.resolve("other.p12");
        writePkcs12(p12, "pw".toCharArray(), "ncp", otherPair.getPrivate(), otherCert);

        SigningKey key = SigningKeyStore.load(config(null, null, p12.toString(), "pw", false));

        assertEquals(otherCert, key.certificate());
    }

    // --- helpers

    private static NcpConfig.Signing config(String key, String cert, String p12, String password, boolean allowExample) {
        return new Signing(Optional.ofNullable(key), Optional.ofNullable(cert), Optional.ofNullable(p12),
                Optional.ofNullable(password), Optional.empty(), allowExample);
    }

    private record Signing(Optional<String> keyPath, Optional<String> certificatePath, Optional<String> pkcs12Path,
            Optional<String> pkcs12Password, Optional<String> pkcs12Alias, boolean allowExampleKey)
            implements NcpConfig.Signing {
    }

    static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        return generator.generateKeyPair();
    }

    static X509Certificate selfSigned(KeyPair pair, String subject) throws Exception {
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(365, ChronoUnit.DAYS)), name, pair.getPublic());
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    }

    private static void writePem(Path file, Object object) throws Exception {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            pem.writeObject(object);
        }
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.US_ASCII)) {
            out.write(text.toString());
        }
    }

    private static void writePkcs12(Path file, char[] password, String alias, PrivateKey key, X509Certificate cert)
            throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, key, password, new Certificate[] {cert});
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }
}
