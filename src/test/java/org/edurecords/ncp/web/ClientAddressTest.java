package org.edurecords.ncp.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The keys the limits count by: whole IPv4 addresses or /24s, IPv6 /64s, and nothing ever looked up. */
class ClientAddressTest {

    @Test
    void ipv4IsTheWholeAddressOrItsSlash24() {
        assertEquals("192.0.2.77/32", ClientAddress.prefix("192.0.2.77", 32));
        assertEquals("192.0.2.0/24", ClientAddress.prefix("192.0.2.77", 24));
        assertEquals("192.0.2.77/32", ClientAddress.prefix("::ffff:192.0.2.77", 32), "IPv4-mapped IPv6 is IPv4");
    }

    @Test
    void ipv6IsGroupedBySlash64WhateverItsSpelling() {
        String key = ClientAddress.prefix("2001:db8:1:2::5", 32);
        assertEquals("2001:db8:1:2::/64", key);
        assertEquals(key, ClientAddress.prefix("[2001:0DB8:0001:0002:ffff:0:0:9]", 32));
        assertEquals(key, ClientAddress.prefix("2001:db8:1:2::5%eth0", 24));
        assertEquals("2001:db8:1:3::/64", ClientAddress.prefix("2001:db8:1:3::5", 32));
    }

    @Test
    void anythingElseIsAShortTextOfItsOwnAndNeverResolved() {
        assertEquals("other:unknown", ClientAddress.prefix("unknown", 32));
        assertEquals("other:999.1.1.1", ClientAddress.prefix("999.1.1.1", 32), "not an address, and not looked up");
        assertEquals("other:localhost", ClientAddress.prefix("localhost", 32), "host names are not resolved");
        String huge = ClientAddress.prefix("x".repeat(10_000), 32);
        assertTrue(huge.length() <= 70, "a forwarded value cannot make a key of unbounded size");
        assertEquals("none", ClientAddress.prefix(null, 32));
        assertEquals("none", ClientAddress.prefix(" ", 32));
    }
}
