package org.edurecords.ncp.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

import org.edurecords.ncp.transfer.SignedTransfer;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TransferPipelineBenchmark} with the GC profiler and prints one table: per size, throughput,
 * median and p99 latency, allocation per document, output sizes, and the ratio pipeline/floor.
 *
 * <p>Pipeline and floor are measured in pairs, one right after the other, in several rounds (a fresh JVM each),
 * the order alternating from round to round. On a shared machine the speed drifts over minutes; a ratio taken
 * from two measurements minutes apart would carry that drift, a ratio per pair does not. The ratio printed is the
 * median of the rounds' ratios, with their range.
 *
 * <p>Extra arguments are passed to JMH (e.g. {@code -p courses=60}); {@code -Dbench.rounds=N} sets the rounds.
 */
public final class TransferBenchmark {

    private static final String PIPELINE = "pipeline_full";
    private static final String FLOOR = "floor_sha256_rsa_gzip_base64";

    private TransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        Collection<String> sizes = cli.getParameter("courses").orElse(List.of("10", "60", "400"));
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<String> lines = new ArrayList<>();
        for (String size : sizes) {
            Measured pipeline = new Measured();
            Measured floor = new Measured();
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                boolean pipelineFirst = round % 2 == 0;
                Measured first = pipelineFirst ? pipeline : floor;
                Measured second = pipelineFirst ? floor : pipeline;
                double firstMedian = first.add(run(cli, size, pipelineFirst ? PIPELINE : FLOOR));
                double secondMedian = second.add(run(cli, size, pipelineFirst ? FLOOR : PIPELINE));
                ratios[round] = pipelineFirst ? firstMedian / secondMedian : secondMedian / firstMedian;
            }
            Arrays.sort(ratios);
            Output output = output(Integer.parseInt(size));
            lines.add(row(size, PIPELINE, pipeline, output, String.format("%.2f", ratios[rounds / 2]),
                    String.format("%.2f-%.2f", ratios[0], ratios[rounds - 1])));
            lines.add(row(size, FLOOR, floor, output, "", ""));
        }

        System.out.println();
        System.out.println("Transfer pipeline vs floor (one thread; times in ms; allocation per document; " + rounds
                + " rounds of pipeline and floor measured back to back)");
        System.out.printf("%-8s %-30s %9s %9s %9s %11s %10s %10s %10s %7s %11s%n", "courses", "benchmark", "docs/s",
                "median", "p99", "alloc/doc", "xml", "elmo b64", "pdf", "ratio", "range");
        lines.forEach(System.out::println);
        System.out.println("median, p99, mean and allocation: the median of the rounds' values; docs/s = 1000 / mean latency;"
                + " ratio = median over the rounds of median(pipeline) / median(floor) for the same signed document bytes");
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + Runtime.getRuntime().availableProcessors() + " processors, " + System.getProperty("os.arch"));
    }

    /** One fork of one benchmark at one size, sampling every operation's time. */
    private static RunResult run(CommandLineOptions cli, String size, String benchmark) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(cli)
                .include(TransferPipelineBenchmark.class.getName() + "." + benchmark + "$")
                .param("courses", size)
                .mode(Mode.SampleTime)
                .forks(1)
                .addProfiler(GCProfiler.class)
                .build()).run();
        return results.iterator().next();
    }

    /** The samples of one benchmark at one size, over the rounds. */
    private static final class Measured {
        private final List<Double> medians = new ArrayList<>();
        private final List<Double> p99s = new ArrayList<>();
        private final List<Double> means = new ArrayList<>();
        private final List<Double> allocations = new ArrayList<>();

        /** @return the median of this round */
        double add(RunResult run) {
            Result<?> primary = run.getPrimaryResult();
            double median = primary.getStatistics().getPercentile(50);
            medians.add(median);
            p99s.add(primary.getStatistics().getPercentile(99));
            means.add(primary.getStatistics().getMean());
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            if (alloc != null) {
                allocations.add(alloc.getScore());
            }
            return median;
        }
    }

    private static String row(String size, String benchmark, Measured measured, Output output, String ratio,
            String range) {
        return String.format("%-8s %-30s %9.1f %9.3f %9.3f %11s %10s %10s %10s %7s %11s", size, benchmark,
                1000 / median(measured.means), median(measured.medians), median(measured.p99s),
                kilobytes(median(measured.allocations)), kilobytes(output.xml), kilobytes(output.elmo),
                kilobytes(output.pdf), ratio, range);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private record Output(double xml, double elmo, double pdf) {
    }

    private static Output output(int courses) {
        TransferPipelineBenchmark benchmark = new TransferPipelineBenchmark();
        benchmark.courses = courses;
        benchmark.setUp();
        SignedTransfer transfer = benchmark.pipeline();
        String xml = new String(transfer.signedXml(), java.nio.charset.StandardCharsets.UTF_8);
        String marker = "data:application/pdf;base64,";
        int start = xml.indexOf(marker) + marker.length();
        int end = xml.indexOf('<', start);
        int pdf = Base64.getDecoder().decode(xml.substring(start, end)).length;
        return new Output(transfer.signedXml().length, transfer.elmoValue().length(), pdf);
    }

    private static String kilobytes(double bytes) {
        return bytes <= 0 ? "-" : String.format("%.1f kB", bytes / 1024);
    }
}
