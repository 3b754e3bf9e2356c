package org.edurecords.ncp.support;

import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail) on a free port, and the service's mailer pointed at it instead of the demo's mock:
 * the tests read what really arrived. One server per application start; {@link #server()} reaches it.
 */
public class SmtpServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;
    private static volatile int port;

    public static GreenMail server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        port = server.getSmtp().getPort();
        return Map.of("quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.tls", "false",
                "quarkus.mailer.start-tls", "DISABLED",
                "quarkus.mailer.from", "EMREX NCP <noreply@ncp.example.org>",
                "quarkus.mailer.own-host-name", "ncp.example.org",
                "ncp.sharing.email-timeout", "5S");
    }

    /** The server goes away, as a mail server that is down; {@link #restart} brings it back on the same port. */
    public static void halt() {
        server.stop();
    }

    public static void restart() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
