package org.edurecords.ncp.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.edurecords.ncp.results.http.HttpElmoSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live source against a peer that sends its headers at once and then trickles the body, one byte at a
 * time: the source's timeout bounds the whole exchange, and at the deadline the connection is really closed
 * (the peer sees it), not left reading in the background.
 */
class HttpElmoSourceTest {

    private static final Learner LEARNER = new Learner(1, "Anna", "Test", LocalDate.of(1998, 4, 17), "17049812345", "NO");

    private TricklingPeer peer;

    @BeforeEach
    void start() throws IOException {
        peer = new TricklingPeer();
    }

    @AfterEach
    void stop() throws IOException {
        peer.close();
    }

    private HttpElmoSource source(Duration timeout, long maxBytes) {
        Institution institution = new Institution(9, "trickle.example.org", null, "NO", LocalizedText.of("en", "Trickle"),
                "https://trickle.example.org");
        return new HttpElmoSource("http-trickle", "trickle.example.org", "http://localhost:" + peer.port() + "/elmo/{learner}",
                () -> "", Optional.empty(), maxBytes, new SourcePolicy(timeout, 0, 0),
                HttpClient.newBuilder().connectTimeout(timeout).build(), null, () -> Optional.of(institution));
    }

    @Test
    void aTricklingBodyIsCutOffAtTheDeadlineAndItsConnectionClosed() throws Exception {
        Duration timeout = Duration.ofMillis(600);
        long started = System.nanoTime();
        SourceException failure = assertThrows(SourceException.class,
                () -> source(timeout, 5_000_000).fetch(LEARNER, Deadline.after(System.nanoTime(), timeout)));
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertEquals(Completeness.Status.TIMED_OUT, failure.status());
        assertTrue(peer.bytesSent() > 0, "the peer had sent its headers and part of the body");
        // Bounded by the deadline, not by the peer: it would go on for a minute.
        assertTrue(tookMillis < timeout.toMillis() + 1000, "gave up after " + tookMillis + " ms");
        // The peer notices that we hung up: its next writes fail.
        assertTrue(peer.closedByClient().get(5, TimeUnit.SECONDS), "the connection was closed by the source");
    }

    @Test
    void aBodyLargerThanTheLimitEndsTheExchangeAsInvalidData() throws Exception {
        peer.chunkBytes(4096);
        SourceException failure = assertThrows(SourceException.class,
                () -> source(Duration.ofSeconds(10), 10_000).fetch(LEARNER, Deadline.after(System.nanoTime(),
                        Duration.ofSeconds(10))));
        assertEquals(Completeness.Status.INVALID_DATA, failure.status());
        assertTrue(peer.closedByClient().get(5, TimeUnit.SECONDS), "the connection was closed by the source");
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedWithoutReadingTheBody() throws Exception {
        peer.declaredLength(50_000_000);
        SourceException failure = assertThrows(SourceException.class,
                () -> source(Duration.ofSeconds(10), 10_000).fetch(LEARNER, Deadline.after(System.nanoTime(),
                        Duration.ofSeconds(10))));
        assertEquals(Completeness.Status.INVALID_DATA, failure.status(), failure.getMessage());
        assertTrue(failure.getMessage().contains("50000000"), failure.getMessage());
        assertTrue(peer.closedByClient().get(5, TimeUnit.SECONDS), "the connection was closed by the source");
    }

    @Test
    void noAttemptIsMadeOnceTheDeadlineHasPassed() {
        SourceException failure = assertThrows(SourceException.class,
                () -> source(Duration.ofSeconds(1), 10_000).fetch(LEARNER, new Deadline(System.nanoTime() - 1)));
        assertEquals(Completeness.Status.TIMED_OUT, failure.status());
        assertEquals(0, peer.connections(), "the institution was not asked");
    }

    /** Answers 200 with chunked transfer encoding, then one chunk every 100 ms for a minute. */
    static final class TricklingPeer implements AutoCloseable {

        private final ServerSocket server = new ServerSocket(0);
        private final CompletableFuture<Boolean> closedByClient = new CompletableFuture<>();
        private volatile long bytesSent;
        private volatile int chunkBytes = 1;
        private volatile int connections;
        private volatile long declaredLength = -1;

        TricklingPeer() throws IOException {
            Thread thread = new Thread(this::serve, "trickling-peer");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        long bytesSent() {
            return bytesSent;
        }

        int connections() {
            return connections;
        }

        void declaredLength(long length) {
            declaredLength = length;
        }

        void chunkBytes(int bytes) {
            chunkBytes = bytes;
        }

        CompletableFuture<Boolean> closedByClient() {
            return closedByClient;
        }

        private void serve() {
            try (Socket socket = server.accept()) {
                connections++;
                InputStream in = socket.getInputStream();
                // The request head ends with an empty line.
                int matched = 0;
                while (matched < 4) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
                }
                OutputStream out = socket.getOutputStream();
                boolean chunked = declaredLength < 0;
                write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n"
                        + (chunked ? "Transfer-Encoding: chunked" : "Content-Length: " + declaredLength) + "\r\n\r\n");
                String chunk = "<".repeat(chunkBytes);
                for (int i = 0; i < 600; i++) {
                    write(out, chunked ? Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n" : chunk);
                    Thread.sleep(100);
                }
                closedByClient.complete(false);
            } catch (IOException e) {
                closedByClient.complete(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closedByClient.complete(false);
            }
        }

        private void write(OutputStream out, String text) throws IOException {
            byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes);
            out.flush();
            bytesSent += bytes.length;
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
