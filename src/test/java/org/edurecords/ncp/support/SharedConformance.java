package org.edurecords.ncp.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;

/**
 * The official ELMO schema set and public example documents, kept read-only beside the checkout in
 * {@code ../shared/conformance/elmo} (or where {@code -Dncp.conformance.dir} points). Tests that need
 * them are skipped with a visible message when the folder is absent.
 */
public final class SharedConformance {

    private SharedConformance() {
    }

    public static Optional<Path> elmoFolder() {
        String configured = System.getProperty("ncp.conformance.dir");
        Path candidate = configured != null ? Path.of(configured) : Path.of("../shared/conformance/elmo");
        return Files.isRegularFile(candidate.resolve("schema.xsd")) ? Optional.of(candidate) : Optional.empty();
    }

    /** The folder, or aborts the calling test with a message saying what is skipped. */
    public static Path elmoFolderOrSkip(String whatIsSkipped) {
        Optional<Path> folder = elmoFolder();
        if (folder.isEmpty()) {
            String message = "SKIPPED: shared ELMO conformance folder (../shared/conformance/elmo) not found; " + whatIsSkipped;
            System.out.println(message);
            Assumptions.abort(message);
        }
        return folder.get();
    }
}
