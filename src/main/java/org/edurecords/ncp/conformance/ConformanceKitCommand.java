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
            "--help", "--emrex2", "--skip-slow");
    private static final Set<String> VALUED = Set.of("--ncp", "--registered-url", "--return-url", "--login", "--user",
            "--password", "--no-results-user", "--no-results-password", "--registry", "--emreg-url", "--ewp-url",
            "--expect-given-names", "--expect-family-name", "--expect-birth-date", "--report-dir", "--emreg2-url",
            "--authorize-url", "--token-url", "--results-url", "--client-id", "--client-key", "--redirect-uri",
            "--certificate", "--code-lifetime");
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

            Usage: conformance --emrex2 --emreg2-url URL --client-id ID --client-key FILE --redirect-uri URI [options]
              --emreg2-url URL               the EMP's EMREG 2.0 entry: endpoints and certificates
              --authorize-url URL --token-url URL --results-url URL   the endpoints, without an entry (or to override it)
              --client-id ID                 the client id registered at the EMP
              --client-key FILE              the client's private key, PKCS#8 PEM (RSA: RS256, EC P-256: ES256)
              --redirect-uri URI             the client's registered redirect URI (never called; the kit reads it)
              --login, --user, --password, --no-results-user, --no-results-password   as above (check 39)
              --emreg-url URL                the EMP's EMREX 1.0 entry, whose certificates are trusted too
              --certificate FILE             a PEM certificate to trust (repeatable)
              --code-lifetime SECONDS        how long the EMP's codes live (default 60; check 18 waits one second more)
              --skip-slow                    skip checks 18 and 40, which wait for a code and a token to expire
              --allow-http                   a local EMP without TLS: check 2 is skipped
              --report-dir DIR               as above
            """.formatted(KitOptions.DEFAULT_RETURN_URL);

    private ConformanceKitCommand() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        return run(args, out, err, null, null);
    }

    /**
     * The command with its own waiting and time for the EMREX 2.0 expiry checks: a test passes a {@link Waiter}
     * that moves the service's clock, and that clock for the kit's assertions; null for real time.
     */
    public static int run(String[] args, PrintStream out, PrintStream err, Waiter waiter, java.time.Clock clock) {
        Map<String, List<String>> o;
        KitOptions options = null;
        Emrex2Options emrex2 = null;
        try {
            o = parse(args);
            if (o.containsKey("--help")) {
                out.print(USAGE);
                return 0;
            }
            if (o.containsKey("--emrex2")) {
                emrex2 = emrex2Options(o, waiter, clock);
            } else {
                options = options(o);
            }
        } catch (IllegalArgumentException e) {
            err.println("conformance: " + e.getMessage());
            err.print(USAGE);
            return 2;
        }
        try {
            ConformanceReport report = emrex2 != null ? new Emrex2Kit(emrex2).run() : new ConformanceKit(options).run();
            Path dir = emrex2 != null ? emrex2.reportDir() : options.reportDir();
            out.print(report.summary());
            out.println("Reports written to " + dir.toAbsolutePath());
            return report.passed() ? 0 : 1;
        } catch (IOException e) {
            err.println("conformance: the " + (emrex2 != null ? "EMP" : "NCP") + " could not be driven: " + e.getMessage());
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

    /**
     * The EMREX 2.0 run; {@code waiter} and {@code clock} null for real time (a test passes its own, see
     * {@link #run(String[], PrintStream, PrintStream, Waiter, java.time.Clock)}).
     */
    static Emrex2Options emrex2Options(Map<String, List<String>> o, Waiter waiter, java.time.Clock clock) {
        String emreg2 = first(o, "--emreg2-url", null);
        URI authorize = uri(first(o, "--authorize-url", null));
        URI token = uri(first(o, "--token-url", null));
        URI results = uri(first(o, "--results-url", null));
        if (emreg2 == null && (authorize == null || token == null || results == null)) {
            throw new IllegalArgumentException("--emreg2-url, or all of --authorize-url, --token-url and --results-url, "
                    + "is required");
        }
        String clientId = first(o, "--client-id", null);
        String key = first(o, "--client-key", null);
        String redirect = first(o, "--redirect-uri", null);
        if (clientId == null || key == null || redirect == null) {
            throw new IllegalArgumentException("--client-id, --client-key and --redirect-uri are required with --emrex2");
        }
        if (!java.nio.file.Files.isReadable(Path.of(key))) {
            throw new IllegalArgumentException("cannot read the client key " + key);
        }
        java.time.Duration lifetime;
        try {
            lifetime = java.time.Duration.ofSeconds(Long.parseLong(first(o, "--code-lifetime", "60")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--code-lifetime must be a number of seconds");
        }
        String login = first(o, "--login", "form");
        boolean demo = login.equals("demo");
        return new Emrex2Options(emreg2, authorize, token, results, first(o, "--emreg-url", null),
                o.getOrDefault("--certificate", List.of()), clientId, Path.of(key), redirect, loginStep(login),
                first(o, "--user", demo ? "anna" : null), first(o, "--password", demo ? "demo" : null),
                first(o, "--no-results-user", demo ? "bjorn" : null),
                first(o, "--no-results-password", demo ? "demo" : null), lifetime, o.containsKey("--skip-slow"),
                waiter, clock, o.containsKey("--allow-http"), Path.of(first(o, "--report-dir", "target/conformance")));
    }

    private static URI uri(String value) {
        try {
            return value == null ? null : URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URL: " + value);
        }
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
