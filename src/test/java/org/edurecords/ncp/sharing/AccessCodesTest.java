package org.edurecords.ncp.sharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

/** The stored hash of an access code: its cost for new links, and links made before with a higher cost. */
class AccessCodesTest {

    @Test
    void newLinksAreHashedWithTwentyThousandIterationsAndMatchTheCodeAsTyped() {
        String code = AccessCodes.newCode();
        String stored = AccessCodes.hash(code);
        String[] parts = stored.split("\\$");
        assertEquals("pbkdf2-sha256", parts[0]);
        assertEquals("20000", parts[1], "ADR 0601, addendum");
        assertEquals(16, Base64.getDecoder().decode(parts[2]).length, "a 16-byte salt");
        assertTrue(AccessCodes.matches(code, stored));
        assertTrue(AccessCodes.matches(code.toLowerCase().replace("-", " "), stored), "case and separators do not matter");
        String other = code.charAt(0) == '2' ? "3" + code.substring(1) : "2" + code.substring(1);
        assertFalse(AccessCodes.matches(other, stored));
        assertFalse(AccessCodes.hash(code).equals(stored), "a fresh salt for every hash");
    }

    @Test
    void aLinkHashedEarlierWith210000IterationsStillMatches() throws Exception {
        String code = "7KQ4-MX9T-2HCP";
        byte[] salt = "sixteen byte slt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec("7KQ4MX9T2HCP".toCharArray(), salt, 210_000, 256)).getEncoded();
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        String stored = "pbkdf2-sha256$210000$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
        assertTrue(AccessCodes.matches(code, stored));
        assertFalse(AccessCodes.matches("7KQ4-MX9T-2HCQ", stored));
    }
}
