package org.edurecords.ncp.bench;

import java.util.GregorianCalendar;
import java.util.Locale;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.elmo.ElmoDocumentBuilder;
import org.edurecords.ncp.elmo.model.Elmo;
import org.edurecords.ncp.pdf.PdfSignature;
import org.edurecords.ncp.pdf.Transcript;
import org.edurecords.ncp.pdf.TranscriptPdfRenderer;
import org.edurecords.ncp.results.LearnerResults;
import org.edurecords.ncp.signing.PadesSigner;
import org.edurecords.ncp.signing.SigningKey;
import org.edurecords.ncp.signing.SigningKeyLoader;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.signing.StreamingXmlSigner;

/**
 * A coarse profile of the pipeline: the median CPU time of each stage, so that the stage that dominates is
 * visible before reaching for a sampling profiler. Arguments: number of courses (default 60), rounds.
 */
public final class PipelineStages {

    private PipelineStages() {
    }

    /** Notes when layout is done, i.e. when saving starts. */
    private record TimedSignature(PdfSignature signature, java.lang.management.ThreadMXBean cpu) implements PdfSignature {
        static long reserved;

        @Override
        public void reserve(org.apache.pdfbox.pdmodel.PDDocument document) throws java.io.IOException {
            reserved = cpu.getCurrentThreadCpuTime();
            signature.reserve(document);
        }

        @Override
        public byte[] sign(byte[] saved) throws java.io.IOException {
            return signature.sign(saved);
        }
    }

    public static void main(String[] args) {
        ProductionLogging.apply();
        int courses = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        NcpConfig config = TransferPipelineBenchmark.config();
        SigningKey key = SigningKeyLoader.loadPem(TransferPipelineBenchmark.KEY, TransferPipelineBenchmark.CERTIFICATE);
        LearnerResults selection = SyntheticTranscripts.withCourses(courses);
        TranscriptPdfRenderer renderer = new TranscriptPdfRenderer();
        PadesSigner pades = new PadesSigner();
        ElmoDocumentBuilder builder = new ElmoDocumentBuilder(config);
        StreamingXmlSigner signer = new StreamingXmlSigner();
        String[] names = {"pdf layout", "pdf save+PAdES", "ELMO model", "JAXB + XML signature", "gzip+base64", "floor"};
        long[][] times = new long[names.length][rounds];
        // CPU time of this thread, not wall time: on a shared machine it still shows what each stage costs.
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long[][] wall = new long[2][rounds];
        for (int round = 0; round < rounds; round++) {
            long w0 = System.nanoTime();
            long t0 = cpu.getCurrentThreadCpuTime();
            // Rendering and signing are one step now (one save); split here as layout vs. save and sign.
            byte[] pdf = renderer.render(new Transcript("NCP", "doc", TransferPipelineBenchmark.NOW, Locale.ENGLISH,
                    "https://ncp.example.org/verification", selection, false), new TimedSignature(
                            pades.whileSaving(key, GregorianCalendar.from(TransferPipelineBenchmark.NOW.toZonedDateTime()), "x"), cpu));
            long t1 = TimedSignature.reserved;
            long t2 = cpu.getCurrentThreadCpuTime();
            Elmo elmo = builder.build(selection, pdf, TransferPipelineBenchmark.NOW);
            long t3 = cpu.getCurrentThreadCpuTime();
            // Santuario signs while JAXB writes: marshalling and signing are one stage.
            byte[] signed = signer.sign(writer -> builder.writeTo(elmo, writer), key);
            long t4 = cpu.getCurrentThreadCpuTime();
            TransferEncoding.encode(signed);
            long t5 = cpu.getCurrentThreadCpuTime();
            long w1 = System.nanoTime();
            floor(signed, key);
            long t6 = cpu.getCurrentThreadCpuTime();
            wall[0][round] = w1 - w0;
            wall[1][round] = System.nanoTime() - w1;
            long[] stamps = {t0, t1, t2, t3, t4, t5, t6};
            for (int stage = 0; stage < names.length; stage++) {
                times[stage][round] = stamps[stage + 1] - stamps[stage];
            }
        }
        System.out.printf("median CPU time per stage over the last half of %d rounds, %d courses%n", rounds, courses);
        double pipeline = 0;
        double floor = 0;
        for (int stage = 0; stage < names.length; stage++) {
            long[] last = java.util.Arrays.copyOfRange(times[stage], rounds / 2, rounds);
            java.util.Arrays.sort(last);
            double median = last[last.length / 2] / 1e6;
            System.out.printf("  %-20s %8.3f ms%n", names[stage], median);
            if (stage < names.length - 1) {
                pipeline += median;
            } else {
                floor = median;
            }
        }
        System.out.printf("  %-20s %8.3f ms (sum of stage medians), %.2f x floor%n", "pipeline", pipeline, pipeline / floor);
        // Wall-clock time as JMH sees it: includes collection pauses and time the thread was not on a CPU.
        double wallPipeline = medianOfLastHalf(wall[0]);
        double wallFloor = medianOfLastHalf(wall[1]);
        System.out.printf("  wall clock: pipeline %.3f ms, floor %.3f ms, %.2f x floor%n", wallPipeline, wallFloor,
                wallPipeline / wallFloor);
    }

    private static double medianOfLastHalf(long[] times) {
        long[] last = java.util.Arrays.copyOfRange(times, times.length / 2, times.length);
        java.util.Arrays.sort(last);
        return last[last.length / 2] / 1e6;
    }

    /** What {@link TransferPipelineBenchmark#floor_sha256_rsa_gzip_base64} does. */
    private static void floor(byte[] signed, SigningKey key) {
        try {
            java.security.Signature rsa = java.security.Signature.getInstance("SHA256withRSA");
            rsa.initSign(key.privateKey());
            rsa.update(signed);
            rsa.sign();
            TransferEncoding.encode(signed);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
