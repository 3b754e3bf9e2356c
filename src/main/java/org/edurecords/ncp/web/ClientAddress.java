package org.edurecords.ncp.web;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;

/**
 * The client's address as limits count it. It is the peer of the connection, or the forwarded client when
 * {@code quarkus.http.proxy.proxy-address-forwarding} trusts the proxy in front (Quarkus has already replaced
 * it then; no forwarding header is read here). IPv6 addresses are grouped by their /64, the block one
 * household or device usually has to itself. Only IP literals are parsed: nothing is ever resolved.
 */
public final class ClientAddress {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*");
    private static final int IPV6_PREFIX = 64;
    private static final int MAX_OTHER = 64;

    private ClientAddress() {
    }

    /** The key of one client for the rate limits: an IPv4 address or an IPv6 /64. */
    public static String of(HttpServerRequest request) {
        return prefix(host(request), 32);
    }

    /** The client's network: an IPv4 /24 or an IPv6 /64 (for counts that are stored, see docs/adr/0604). */
    public static String network(HttpServerRequest request) {
        return prefix(host(request), 24);
    }

    static String host(HttpServerRequest request) {
        SocketAddress address = request == null ? null : request.remoteAddress();
        if (address == null) {
            return null;
        }
        return address.hostAddress() != null ? address.hostAddress() : address.host();
    }

    /**
     * {@code 192.0.2.7/32}, {@code 192.0.2.0/24} or {@code 2001:db8:0:1::/64}. Anything that is not an IP
     * literal (a forwarded value such as {@code unknown}) is kept as a short text of its own, so it is limited
     * like one address and cannot make a key of unbounded size.
     */
    static String prefix(String host, int ipv4Bits) {
        if (host == null || host.isBlank()) {
            return "none";
        }
        String value = host.strip();
        if (value.startsWith("[") && value.endsWith("]")) {
            value = value.substring(1, value.length() - 1);
        }
        int zone = value.indexOf('%');
        if (zone >= 0) {
            value = value.substring(0, zone);
        }
        byte[] bytes = literal(value);
        if (bytes == null) {
            String other = value.toLowerCase(Locale.ROOT);
            return "other:" + (other.length() > MAX_OTHER ? other.substring(0, MAX_OTHER) : other);
        }
        int bits = bytes.length == 4 ? ipv4Bits : IPV6_PREFIX;
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.max(0, Math.min(8, bits - 8 * i));
            bytes[i] &= (byte) (0xFF << (8 - keep));
        }
        try {
            InetAddress masked = InetAddress.getByAddress(bytes);
            String text = masked instanceof Inet4Address ? masked.getHostAddress() : compact(bytes);
            return text + "/" + bits;
        } catch (UnknownHostException e) {
            return "none";
        }
    }

    /** The bytes of an IP literal (IPv4-mapped IPv6 counts as IPv4), or null for anything else. */
    private static byte[] literal(String value) {
        if (IPV4.matcher(value).matches()) {
            String[] parts = value.split("\\.");
            byte[] bytes = new byte[4];
            for (int i = 0; i < 4; i++) {
                int part = Integer.parseInt(parts[i]);
                if (part > 255) {
                    return null;
                }
                bytes[i] = (byte) part;
            }
            return bytes;
        }
        if (value.indexOf(':') < 0 || value.length() > 45 || !IPV6.matcher(value).matches()) {
            return null;
        }
        try {
            // With a colon and a hexadecimal first character the JDK parses an IPv6 literal or refuses it; it
            // never looks such a value up.
            return InetAddress.getByName(value).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** The first four groups of an IPv6 address, which is all a /64 keeps. */
    private static String compact(byte[] bytes) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            text.append(Integer.toHexString(((bytes[i] & 0xFF) << 8) | (bytes[i + 1] & 0xFF))).append(':');
        }
        return text.append(':').toString();
    }
}
