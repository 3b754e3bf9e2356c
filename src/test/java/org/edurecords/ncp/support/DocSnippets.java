package org.edurecords.ncp.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * Shell lines of the documentation, run as they are written: the code block that follows a
 * {@code <!-- tested: NAME -->} line of a Markdown file, run by {@code sh} in a folder of the test's choosing.
 * A machine without {@code openssl} (or another program the lines need) skips the test with a message.
 */
public final class DocSnippets {

    /** What the lines printed, and their exit code. */
    public record Run(int exit, String output) {
    }

    private DocSnippets() {
    }

    public static String snippet(Path markdown, String name) throws IOException {
        String text = Files.readString(markdown, StandardCharsets.UTF_8);
        String marker = "<!-- tested: " + name + " -->";
        int at = text.indexOf(marker);
        if (at < 0) {
            throw new AssertionError("no block marked '" + marker + "' in " + markdown);
        }
        int start = text.indexOf("```sh\n", at);
        int end = text.indexOf("\n```", start + 6);
        return text.substring(start + 6, end + 1);
    }

    public static Run run(Path dir, String script, Map<String, String> environment) throws IOException,
            InterruptedException {
        require("openssl");
        ProcessBuilder process = new ProcessBuilder("sh", "-c", script).directory(dir.toFile()).redirectErrorStream(true);
        process.environment().putAll(environment);
        Process p = process.start();
        byte[] output = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the documented lines did not finish within 60 s");
        }
        return new Run(p.exitValue(), new String(output, StandardCharsets.UTF_8));
    }

    /** Aborts the calling test, with a message, when one of the programs is not installed. */
    public static void require(String... programs) throws IOException, InterruptedException {
        for (String program : programs) {
            Process p = new ProcessBuilder("sh", "-c", "command -v " + program).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            if (p.waitFor() != 0) {
                String message = "SKIPPED: no " + program + " on this machine; the documented lines are not run";
                System.out.println(message);
                Assumptions.abort(message);
            }
        }
    }
}
