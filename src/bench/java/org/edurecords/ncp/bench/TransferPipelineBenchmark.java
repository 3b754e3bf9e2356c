package org.edurecords.ncp.bench;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.transfer.SignedTransfer;
import org.edurecords.ncp.transfer.TransferDocumentService;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.signing.SigningKeyLoader;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.support.StandaloneConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;


/**
 * The complete EMREX answer (ELMO from a selection, PDF transcript, PAdES, XML signature, gzip, base64)
 * against the floor for the same output: SHA-256 and one RSA signature with the same key over the signed
 * document's bytes, then gzip and base64 of those bytes. One thread, as one request uses one core.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
// The pipeline runs through a lot of library code (PDFBox, Santuario, JAXB, BouncyCastle): on two cores its
// compilation settles only after 10-14 s, while the floor's few methods settle in about one.
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Threads(1)
public class TransferPipelineBenchmark {

    static final Path KEY = Path.of("keys-example/ncp-example.key.pem");
    static final Path CERTIFICATE = Path.of("keys-example/ncp-example.cert.pem");
    static final OffsetDateTime NOW = OffsetDateTime.of(2026, 1, 15, 12, 0, 0, 0, ZoneOffset.UTC);

    @Param({"10", "60", "400"})
    public int courses;

    private TransferDocumentService service;
    private SigningKey key;
    private LearnerResults selection;
    /** The pipeline's own output for this size: what the floor signs and encodes. */
    private byte[] signedXml;

    @Setup(Level.Trial)
    public void setUp() {
        ProductionLogging.apply();
        key = SigningKeyLoader.loadPem(KEY, CERTIFICATE);
        service = new TransferDocumentService(config());
        selection = SyntheticTranscripts.withCourses(courses);
        signedXml = pipeline().signedXml();
    }

    @Benchmark
    public String pipeline_full() {
        return pipeline().elmoValue();
    }

    @Benchmark
    public String floor_sha256_rsa_gzip_base64() throws GeneralSecurityException {
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key.privateKey());
        rsa.update(signedXml);
        byte[] signature = rsa.sign();
        return TransferEncoding.encode(signedXml) + signature.length;
    }

    SignedTransfer pipeline() {
        return service.build(selection, Locale.ENGLISH, key, NOW, "benchmark-document");
    }

    static NcpConfig config() {
        return StandaloneConfig.ncp(Map.of(
                "ncp.name", "Benchmark NCP",
                "ncp.public-url", "https://ncp.example.org",
                "ncp.elmo.include-learner-identifiers", "false",
                "ncp.pdf.pades-signature", "true"));
    }
}
