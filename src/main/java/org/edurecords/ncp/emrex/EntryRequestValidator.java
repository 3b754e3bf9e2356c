package org.edurecords.ncp.emrex;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.edurecords.ncp.config.NcpConfig;

/**
 * Validates {@code sessionId} and {@code returnUrl} of an EMREX entry request. A request that fails
 * is answered with a page only: an untrusted return URL never receives a form.
 */
@ApplicationScoped
public class EntryRequestValidator {

    static final int MAX_SESSION_ID = 256;
    static final int MAX_RETURN_URL = 2048;

    @Inject
    NcpConfig config;

    @Inject
    KnownReceivers receivers;

    /**
     * @param parameters every value of every parameter as received; unknown parameters are ignored
     */
    public EntryValidation validate(Map<String, List<String>> parameters) {
        List<String> problems = new ArrayList<>();
        String sessionId = single(parameters, "sessionId", problems);
        String returnUrl = single(parameters, "returnUrl", problems);
        if (sessionId != null) {
            checkSessionId(sessionId, problems);
        }
        URI uri = returnUrl == null ? null : checkReturnUrl(returnUrl, problems);
        if (!problems.isEmpty()) {
            return EntryValidation.invalid(problems);
        }
        return EntryValidation.valid(new EntryRequest(sessionId, uri));
    }

    private static String single(Map<String, List<String>> parameters, String name, List<String> problems) {
        List<String> values = parameters.get(name);
        if (values == null || values.isEmpty() || values.stream().allMatch(String::isEmpty)) {
            problems.add("problem_" + name + "_missing");
            return null;
        }
        if (new HashSet<>(values).size() > 1) {
            problems.add("problem_" + name + "_ambiguous");
            return null;
        }
        return values.get(0);
    }

    private static void checkSessionId(String sessionId, List<String> problems) {
        if (sessionId.length() > MAX_SESSION_ID) {
            problems.add("problem_sessionId_tooLong");
            return;
        }
        if (sessionId.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            // Blank looks like missing to the client that reads it back, and is easily lost on the way.
            problems.add("problem_sessionId_blank");
            return;
        }
        // Printable characters only: no control characters, which could break the echo or logs.
        for (int i = 0; i < sessionId.length(); i++) {
            char c = sessionId.charAt(i);
            if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                    || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR) {
                problems.add("problem_sessionId_invalid");
                return;
            }
        }
    }

    private URI checkReturnUrl(String returnUrl, List<String> problems) {
        if (returnUrl.length() > MAX_RETURN_URL) {
            problems.add("problem_returnUrl_tooLong");
            return null;
        }
        URI uri;
        try {
            uri = new URI(returnUrl);
        } catch (URISyntaxException e) {
            problems.add("problem_returnUrl_malformed");
            return null;
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            problems.add("problem_returnUrl_notAbsolute");
            return null;
        }
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            problems.add("problem_returnUrl_port");
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getRawUserInfo() != null) {
            problems.add("problem_returnUrl_userInfo");
            return null;
        }
        if ("http".equals(scheme)) {
            if (!config.emrex().allowHttpLoopback() || !isLoopback(uri.getHost())) {
                problems.add("problem_returnUrl_notHttps");
                return null;
            }
        } else if (!"https".equals(scheme)) {
            problems.add("problem_returnUrl_notHttps");
            return null;
        }
        if (receivers.forReturnUrl(uri.toString()).isEmpty()) {
            // Not a known receiver: no form is ever posted there, not even a cancellation (no open redirect).
            problems.add("problem_returnUrl_hostNotAllowed");
            return null;
        }
        return uri;
    }

    /** Loopback by name or literal address only; no DNS lookup, so a name cannot be made to point elsewhere. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.contains(":")) {
            try {
                return InetAddress.getByName(h).isLoopbackAddress();
            } catch (Exception e) {
                return false;
            }
        }
        return false;
    }
}
