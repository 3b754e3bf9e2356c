package org.edurecords.ncp.registry;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Reads a registry document from an http(s) URL or a file, with a timeout and a size cap. */
public final class RegistrySource {

    private RegistrySource() {
    }

    public static byte[] read(String source, Duration timeout, int maxBytes) throws IOException {
        if (source.startsWith("http://") || source.startsWith("https://")) {
            HttpClient http = HttpClient.newBuilder().connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpRequest request = HttpRequest.newBuilder(URI.create(source)).timeout(timeout)
                    .header("Accept", "application/json").GET().build();
            try {
                HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    if (response.statusCode() != 200) {
                        throw new IOException("HTTP status " + response.statusCode());
                    }
                    return readCapped(in, maxBytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            } catch (IllegalArgumentException e) {
                throw new IOException("not a usable URL: " + source, e);
            }
        }
        Path file = Path.of(source.startsWith("file:") ? URI.create(source).getPath() : source);
        try (InputStream in = Files.newInputStream(file)) {
            return readCapped(in, maxBytes);
        }
    }

    private static byte[] readCapped(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max + 1);
        if (body.length > max) {
            throw new IOException("registry document is larger than " + max + " bytes");
        }
        return body;
    }
}
