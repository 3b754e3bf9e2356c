package org.edurecords.ncp.bench;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.edurecords.ncp.emrex.SignedTransfer;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs {@link TransferPipelineBenchmark} with the GC profiler and prints one table: per size, throughput,
 * median and p99 latency, allocation per document, output sizes, and the ratio pipeline/floor.
 * Extra arguments are passed to JMH (e.g. {@code -p courses=60} or {@code -f 2}).
 */
public final class TransferBenchmark {

    private TransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .include(TransferPipelineBenchmark.class.getName())
                .addProfiler(GCProfiler.class);
        Collection<RunResult> results = new Runner(options.build()).run();

        Map<String, Row> rows = new LinkedHashMap<>();
        for (RunResult run : results) {
            BenchmarkParams params = run.getParams();
            String courses = params.getParam("courses");
            String benchmark = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.') + 1);
            Row row = rows.computeIfAbsent(courses + " " + benchmark, k -> new Row(courses, benchmark));
            Result<?> primary = run.getPrimaryResult();
            switch (params.getMode()) {
                case Throughput -> row.throughput = primary.getScore();
                case SampleTime -> {
                    row.median = primary.getStatistics().getPercentile(50);
                    row.p99 = primary.getStatistics().getPercentile(99);
                }
                default -> { }
            }
            Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
            if (alloc != null && params.getMode() == org.openjdk.jmh.annotations.Mode.Throughput) {
                row.allocation = alloc.getScore();
            }
        }

        System.out.println();
        System.out.println("Transfer pipeline vs floor (one thread; times in ms; allocation per document)");
        System.out.printf("%-8s %-30s %12s %10s %10s %12s %10s %10s %10s %8s%n", "courses", "benchmark", "docs/s",
                "median", "p99", "alloc/doc", "xml", "elmo b64", "pdf", "ratio");
        List<String> sizes = new ArrayList<>();
        rows.values().forEach(r -> {
            if (!sizes.contains(r.courses)) {
                sizes.add(r.courses);
            }
        });
        for (String size : sizes) {
            Row floor = rows.get(size + " floor_sha256_rsa_gzip_base64");
            Row pipeline = rows.get(size + " pipeline_full");
            Output output = output(Integer.parseInt(size));
            for (Row row : new Row[] {pipeline, floor}) {
                if (row == null) {
                    continue;
                }
                String ratio = row == pipeline && floor != null && floor.median > 0
                        ? String.format("%.2f", pipeline.median / floor.median) : "";
                System.out.printf("%-8s %-30s %12.1f %10.3f %10.3f %12s %10s %10s %10s %8s%n", size, row.benchmark,
                        row.throughput * 1000, row.median, row.p99, kilobytes(row.allocation), kilobytes(output.xml),
                        kilobytes(output.elmo), kilobytes(output.pdf), ratio);
            }
        }
        System.out.println("ratio = median(pipeline) / median(floor) for the same signed document bytes");
        System.out.println("java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + "), "
                + Runtime.getRuntime().availableProcessors() + " processors, " + System.getProperty("os.arch"));
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

    private static final class Row {
        final String courses;
        final String benchmark;
        double throughput;
        double median;
        double p99;
        double allocation;

        Row(String courses, String benchmark) {
            this.courses = courses;
            this.benchmark = benchmark;
        }
    }
}
