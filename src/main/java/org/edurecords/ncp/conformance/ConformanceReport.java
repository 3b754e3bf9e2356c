package org.edurecords.ncp.conformance;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The kit's results: a summary for people and JUnit XML for CI servers. */
public record ConformanceReport(Kind kind, String target, Instant started, Duration duration, List<CheckResult> checks) {

    public static final String SUMMARY_FILE = "conformance-summary.txt";
    public static final String JUNIT_FILE = "TEST-emrex-conformance.xml";
    public static final String EMREX2_SUMMARY_FILE = "conformance-emrex2-summary.txt";
    public static final String EMREX2_JUNIT_FILE = "TEST-emrex2-conformance.xml";

    /** Which checklist: the EMREX 1.0 NCP checklist of spec section 7, or the EMREX 2.0 EMP checklist. */
    public enum Kind {
        EMREX1("EMREX NCP conformance (spec section 7)", "EMREX NCP conformance", "emrex.conformance.", SUMMARY_FILE,
                JUNIT_FILE),
        EMREX2("EMREX 2.0 data provider conformance", "EMREX 2.0 conformance", "emrex2.conformance.",
                EMREX2_SUMMARY_FILE, EMREX2_JUNIT_FILE);

        final String title;
        final String suite;
        final String classPrefix;
        final String summaryFile;
        final String junitFile;

        Kind(String title, String suite, String classPrefix, String summaryFile, String junitFile) {
            this.title = title;
            this.suite = suite;
            this.classPrefix = classPrefix;
            this.summaryFile = summaryFile;
            this.junitFile = junitFile;
        }
    }

    public ConformanceReport {
        checks = checks.stream().sorted(Comparator.comparingInt(CheckResult::number)).toList();
    }

    public ConformanceReport(String target, Instant started, Duration duration, List<CheckResult> checks) {
        this(Kind.EMREX1, target, started, duration, checks);
    }

    public long count(CheckResult.Status status) {
        return checks.stream().filter(c -> c.status() == status).count();
    }

    public boolean passed() {
        return count(CheckResult.Status.FAIL) == 0;
    }

    public String summary() {
        StringBuilder out = new StringBuilder();
        out.append(kind.title).append('\n');
        out.append("Target:   ").append(target).append('\n');
        out.append("Started:  ").append(started).append(" (").append(duration.toMillis()).append(" ms)\n");
        out.append("Result:   ").append(passed() ? "PASSED" : "FAILED").append(" - ")
                .append(count(CheckResult.Status.PASS)).append(" passed, ")
                .append(count(CheckResult.Status.FAIL)).append(" failed, ")
                .append(count(CheckResult.Status.SKIPPED)).append(" skipped\n\n");
        String group = null;
        for (CheckResult c : checks) {
            if (!c.group().equals(group)) {
                group = c.group();
                out.append(group).append('\n');
            }
            out.append(String.format("  [%-7s] %s %s", c.status(), c.id(), c.title()));
            if (c.detail() != null && !c.detail().isBlank()) {
                out.append("\n            ").append(c.detail().replace("\n", "\n            "));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** Writes both files into {@code dir} and returns their paths. */
    public List<Path> write(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path summary = dir.resolve(kind.summaryFile);
        Files.writeString(summary, summary(), StandardCharsets.UTF_8);
        Path junit = dir.resolve(kind.junitFile);
        try (OutputStream out = Files.newOutputStream(junit)) {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", kind.suite);
            xml.writeAttribute("tests", String.valueOf(checks.size()));
            xml.writeAttribute("failures", String.valueOf(count(CheckResult.Status.FAIL)));
            xml.writeAttribute("errors", "0");
            xml.writeAttribute("skipped", String.valueOf(count(CheckResult.Status.SKIPPED)));
            xml.writeAttribute("timestamp", started.toString());
            xml.writeAttribute("time", String.format(java.util.Locale.ROOT, "%.3f", duration.toMillis() / 1000.0));
            xml.writeAttribute("hostname", target);
            for (CheckResult c : checks) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement("testcase");
                xml.writeAttribute("classname", kind.classPrefix + c.group().replace(' ', '_'));
                xml.writeAttribute("name", c.id() + " " + c.title());
                xml.writeAttribute("time", "0");
                if (c.status() == CheckResult.Status.FAIL) {
                    xml.writeStartElement("failure");
                    xml.writeAttribute("message", c.detail() == null ? "" : c.detail());
                    xml.writeCharacters(c.detail() == null ? "" : c.detail());
                    xml.writeEndElement();
                } else if (c.status() == CheckResult.Status.SKIPPED) {
                    xml.writeEmptyElement("skipped");
                    xml.writeAttribute("message", c.detail() == null ? "" : c.detail());
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException("Writing the JUnit report failed", e);
        }
        return List.of(summary, junit);
    }
}
