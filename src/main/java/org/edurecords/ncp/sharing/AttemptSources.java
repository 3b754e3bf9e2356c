package org.edurecords.ncp.sharing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What is stored of the network a wrong access code came from: HMAC-SHA256 of the network (an IPv4 /24 or an
 * IPv6 /64, see {@code ClientAddress#network}) keyed with the link's id, cut to 128 bits. Equal for one network on
 * one link, so attempts can be counted per network on every instance; different on every link, so the rows of
 * two links cannot be joined by network. It is a pseudonym, not anonymity: whoever holds the database and tries
 * every /24 finds the network again, which is why the rows live only as long as the window (docs/adr/0604).
 */
final class AttemptSources {

    private static final int BYTES = 16;

    private AttemptSources() {
    }

    static String of(String linkId, String network) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(linkId.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(network.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
