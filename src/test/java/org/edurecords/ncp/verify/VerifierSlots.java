package org.edurecords.ncp.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.restassured.RestAssured;

/** The verifier's slots (ncp.verify.max-concurrent, two in the tests), as the tests of the API and the page use them. */
final class VerifierSlots {

    private VerifierSlots() {
    }

    /** Waits until a verification of an earlier test has ended, then checks that both slots are free. */
    static void awaitIdle(VerifyPermits permits) {
        long idleBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (permits.available() < 2 && System.nanoTime() < idleBy) {
            Thread.onSpinWait();
        }
        assertEquals(2, permits.available(), "no verification is running when the test starts");
    }

    /**
     * Two clients that send a request's head and the start of its body, then stall: each holds a slot until its
     * socket is closed.
     */
    static List<Socket> twoStalledClients(String requestHead) throws IOException {
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Socket socket = new Socket("localhost", RestAssured.port);
            socket.getOutputStream().write(requestHead.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            stalled.add(socket);
        }
        return stalled;
    }

    static void close(List<Socket> stalled) throws IOException {
        for (Socket socket : stalled) {
            socket.close();
        }
    }
}
