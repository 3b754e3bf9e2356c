package org.edurecords.ncp.auth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.web.LogSafe;
import org.jboss.logging.Logger;

/**
 * Login by attributes that a SAML service provider in front of us (Shibboleth SP with Apache httpd,
 * or any proxy that authenticates) passes in request headers. The headers are believed only when the
 * TCP peer is a configured proxy; the forwarded-for chain is never consulted, because whoever can
 * reach us directly could forge it as easily as the attribute headers.
 */
@ApplicationScoped
public class HeaderLogin implements LoginMethod {

    private static final Logger LOG = Logger.getLogger(HeaderLogin.class);

    @Inject
    NcpConfig config;

    private TrustedProxies proxies;

    @PostConstruct
    void init() {
        proxies = TrustedProxies.parse(config.auth().header().trustedProxies().orElse(List.of()));
    }

    @Override
    public String id() {
        return "header";
    }

    @Override
    public boolean enabled() {
        return config.auth().header().enabled();
    }

    @Override
    public String displayName() {
        return config.auth().header().displayName();
    }

    @Override
    public String loginPath(String flowId) {
        return "/emrex/flow/" + flowId + "/login/header";
    }

    @Override
    public String portalLoginPath() {
        return "/my-results/login/header";
    }

    public Identity identify(HttpServerRequest request) throws LoginFailure {
        SocketAddress peer = request.connection() == null ? null : request.connection().remoteAddress();
        String address = peer == null ? null : peer.hostAddress();
        if (!proxies.contains(address)) {
            boolean carriesAttributes = request.getHeader(config.auth().header().personIdHeader()) != null;
            LOG.warnf("Header login refused: peer %s is not a trusted proxy%s", LogSafe.of(address),
                    carriesAttributes ? " (it sent attribute headers)" : "");
            throw new LoginFailure(LoginFailure.Kind.UNTRUSTED_SOURCE,
                    "The login did not come through the institution's login service.");
        }
        return Attributes.fromHeaders(config.auth().header(), name -> attribute(request.getHeader(name)));
    }

    /**
     * One attribute value as the service provider sent it. HTTP headers travel as bytes that the
     * server reads as ISO-8859-1; Shibboleth writes UTF-8, so the bytes are decoded again as UTF-8
     * (a value that is not valid UTF-8 is kept as read). Multi-valued attributes are separated by
     * unescaped semicolons; the first value counts.
     */
    static String attribute(String raw) {
        if (raw == null) {
            return null;
        }
        String value = raw;
        if (value.chars().allMatch(c -> c <= 0xFF)) {
            try {
                value = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(value.getBytes(StandardCharsets.ISO_8859_1)))
                        .toString();
            } catch (CharacterCodingException e) {
                value = raw;
            }
        }
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == ';') {
                first.append(';');
                i++;
            } else if (c == ';') {
                break;
            } else {
                first.append(c);
            }
        }
        return first.toString().trim();
    }
}
