package org.edurecords.ncp.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the conformance kit. Exit code 0 when no check failed, 1 when one did (also when the NCP cannot be reached), 2 on a usage error.
 * See docs/conformance-kit.md.
 */
public final class ConformanceKitCommand {

    private static final Set<String> FLAGS = Set.of("--allow-http", "--allow-self-signed", "--identifiers-allowed",
            "--help");
    private static final Set<String> VALUED = Set.of("--ncp", "--registered-url", "--return-url", "--login", "--user",
            "--password", "--no-results-user", "--no-results-password", "--registry", "--emreg-url", "--ewp-url",
            "--expect-given-names", "--expect-family-name", "--expect-birth-date", "--report-dir");
    private static final String USAGE = """
            Usage: conformance --ncp ENTRY_URL [options]
              --login demo|form|class:NAME   how the student logs in (default form; demo also sets the demo accounts)
              --user U --password P          a student with results
              --no-results-user U --no-results-password P   a student without results (check 18)
              --registry URL|FILE            EMREG list whose certificates are trusted (repeatable)
              --emreg-url URL                the NCP's own EMREG entry (check 54, and trusted)
              --ewp-url URL                  the NCP's EWP manifest entry (check 55)
              --registered-url URL           the entry URL as registered, when tested through another address
              --return-url URL               return URL to send (default %s)
              --expect-given-names, --expect-family-name, --expect-birth-date   the student's real data
              --allow-http --allow-self-signed --identifiers-allowed          relax checks 2, 33, 49
              --report-dir DIR               where the summary and JUnit XML go (default target/conformance)
            """.formatted(KitOptions.DEFAULT_RETURN_URL);

    private ConformanceKitCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Map<String, List<String>> o;
        KitOptions options;
        try {
            o = parse(args);
            if (o.containsKey("--help")) {
                out.print(USAGE);
                return 0;
            }
            options = options(o);
        } catch (IllegalArgumentException e) {
            err.println("conformance: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            ConformanceReport report = new ConformanceKit(options).run();
            out.print(report.summary());
            out.println("Reports written to " + options.reportDir().toAbsolutePath());
            return report.passed() ? 0 : 1;
        } catch (IOException e) {
            err.println("conformance: the NCP could not be driven: " + e.getMessage());
            return 2;
        }
    }

    static KitOptions options(Map<String, List<String>> o) {
        String ncp = first(o, "--ncp", null);
        if (ncp == null) {
            throw new IllegalArgumentException("--ncp is required");
        }
        String login = first(o, "--login", "form");
        boolean demo = login.equals("demo");
        return new KitOptions(URI.create(ncp), first(o, "--registered-url", null), first(o, "--return-url", null),
                loginStep(login), first(o, "--user", demo ? "anna" : null), first(o, "--password", demo ? "demo" : null),
                first(o, "--no-results-user", demo ? "bjorn" : null), first(o, "--no-results-password", demo ? "demo" : null),
                o.getOrDefault("--registry", List.of()), first(o, "--emreg-url", null), first(o, "--ewp-url", null),
                first(o, "--expect-given-names", null), first(o, "--expect-family-name", null),
                first(o, "--expect-birth-date", null), o.containsKey("--allow-http"), o.containsKey("--allow-self-signed"),
                o.containsKey("--identifiers-allowed"), Path.of(first(o, "--report-dir", "target/conformance")));
    }

    /** demo and form are the same form login; a class name plugs in another. */
    static LoginStep loginStep(String login) {
        if (login.equals("demo") || login.equals("form")) {
            return new FormLogin();
        }
        if (login.startsWith("class:")) {
            try {
                return (LoginStep) Class.forName(login.substring(6)).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalArgumentException("cannot use login step " + login.substring(6) + ": " + e);
            }
        }
        throw new IllegalArgumentException("--login must be demo, form or class:NAME");
    }

    private static Map<String, List<String>> parse(String[] args) {
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (FLAGS.contains(name)) {
                options.computeIfAbsent(name, k -> new ArrayList<>());
            } else if (VALUED.contains(name) && i + 1 < args.length) {
                options.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
            } else {
                throw new IllegalArgumentException(VALUED.contains(name) ? "option " + name + " needs a value"
                        : "unknown argument: " + name);
            }
        }
        return options;
    }

    private static String first(Map<String, List<String>> o, String name, String fallback) {
        List<String> values = o.get(name);
        return values == null || values.isEmpty() ? fallback : values.get(0);
    }
}
