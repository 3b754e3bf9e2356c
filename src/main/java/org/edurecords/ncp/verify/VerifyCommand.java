package org.edurecords.ncp.verify;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.signing.Certificates;
import org.edurecords.ncp.registry.EmregList;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.registry.RegistrySource;
import org.edurecords.ncp.signing.TransferEncoding;

/**
 * The verifier on the command line, for receivers without a running service. Prints the same JSON as
 * {@code POST /api/verify}; exit code 0 when the document is valid, 1 when it is not, 2 on a usage error.
 * See docs/verifier.md for the command.
 */
public final class VerifyCommand {

    private static final Set<String> FLAGS = Set.of("--allow-sha1", "--help");
    private static final Set<String> VALUED = Set.of("--elmo-file", "--xml-file", "--registry", "--certificate",
            "--given-names", "--family-name", "--birth-date", "--ncp", "--max-bytes");
    private static final String USAGE = """
            Usage: verify (--elmo-file FILE | --xml-file FILE) (--registry URL|FILE | --certificate PEM)...
                          [--given-names NAMES] [--family-name NAME] [--birth-date YYYY-MM-DD] [--ncp ACRONYM|URL]
                          [--allow-sha1] [--max-bytes N]
              --elmo-file   the elmo form value as received (base64 of gzip); '-' reads standard input
              --xml-file    an already decoded ELMO document; it is encoded and then checked the same way
              --registry    an EMREG JSON list (ncps or emps) whose certificates are trusted (repeatable)
              --certificate a PEM certificate to trust directly (repeatable)
            """;

    private VerifyCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, List<String>> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.print(USAGE);
            return 2;
        }
        if (options.containsKey("--help")) {
            out.print(USAGE);
            return 0;
        }
        try {
            String elmo = elmoValue(options);
            List<RegistryEntry> trusted = trusted(options);
            long max = Long.parseLong(first(options, "--max-bytes", String.valueOf(16_000_000)));
            ElmoVerifier verifier = new ElmoVerifier(new ElmoVerifier.Settings(max, options.containsKey("--allow-sha1")),
                    new ElmoSchemaValidator(), () -> trusted);
            VerificationReport report = verifier.verify(new VerifyRequest(elmo, first(options, "--given-names", null),
                    first(options, "--family-name", null), first(options, "--birth-date", null),
                    first(options, "--ncp", null)));
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .enable(SerializationFeature.INDENT_OUTPUT);
            out.println(json.writeValueAsString(report));
            return report.valid() ? 0 : 1;
        } catch (IOException | CertificateException | IllegalArgumentException e) {
            err.println("verify: " + e.getMessage());
            return 2;
        }
    }

    private static String elmoValue(Map<String, List<String>> options) throws IOException {
        String elmoFile = first(options, "--elmo-file", null);
        String xmlFile = first(options, "--xml-file", null);
        if ((elmoFile == null) == (xmlFile == null)) {
            throw new IllegalArgumentException("give exactly one of --elmo-file and --xml-file");
        }
        if (xmlFile != null) {
            return TransferEncoding.encode(Files.readAllBytes(Path.of(xmlFile)));
        }
        byte[] raw = "-".equals(elmoFile) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(elmoFile));
        // A file usually ends with a newline that was never part of the form value.
        return new String(raw, StandardCharsets.US_ASCII).strip();
    }

    private static List<RegistryEntry> trusted(Map<String, List<String>> options)
            throws IOException, CertificateException {
        List<RegistryEntry> trusted = new ArrayList<>();
        for (String source : options.getOrDefault("--registry", List.of())) {
            EmregList list = EmregList.parse(RegistrySource.read(source, Duration.ofSeconds(20), 5_000_000), source);
            list.skipped().forEach(s -> System.err.println("verify: registry entry left out: " + s));
            trusted.addAll(list.entries());
        }
        for (String pem : options.getOrDefault("--certificate", List.of())) {
            trusted.add(new RegistryEntry(null, null, "file:" + pem, List.of(), Certificates.read(Path.of(pem)),
                    "certificate " + pem));
        }
        if (trusted.isEmpty()) {
            throw new IllegalArgumentException("give at least one --registry or --certificate to trust");
        }
        return trusted;
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + name);
            }
            if (FLAGS.contains(name)) {
                options.computeIfAbsent(name, k -> new ArrayList<>());
                continue;
            }
            if (!VALUED.contains(name)) {
                throw new IllegalArgumentException("unknown option: " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
        }
        return options;
    }

    private static String first(Map<String, List<String>> options, String name, String fallback) {
        List<String> values = options.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
