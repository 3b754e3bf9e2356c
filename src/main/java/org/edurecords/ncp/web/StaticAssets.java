package org.edurecords.ncp.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.quarkus.qute.TemplateGlobal;

/**
 * The version of the style sheet and scripts, written into their addresses ({@code /css/ncp.css?v=...}). The
 * framework lets browsers keep them for a day without asking again ({@code immutable}); a release that changes one
 * of them changes the address, so that no page is shown with the previous release's style sheet or scripts.
 */
public class StaticAssets {

    /** The files the pages link to, under {@code META-INF/resources}. */
    static final List<String> FILES = List.of("css/ncp.css", "js/selection.js", "js/autosubmit.js", "js/copy.js",
            "favicon.svg");

    private static final String VERSION = digest(FILES);

    /** In templates: {@code {assetVersion}}. */
    @TemplateGlobal
    public static String assetVersion() {
        return VERSION;
    }

    static String digest(List<String> files) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (String file : files) {
                try (InputStream in = StaticAssets.class.getResourceAsStream("/META-INF/resources/" + file)) {
                    if (in == null) {
                        throw new IllegalStateException("The static file " + file + " is missing");
                    }
                    sha256.update(file.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    sha256.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha256.digest(), 0, 6);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
