package org.edurecords.ncp.signing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/**
 * An operator who lowers the log level of the libraries to diagnose a problem must not get the canonicalised
 * signed documents (personal data) in the log: the XML signature library stays at INFO.
 */
@QuarkusTest
@TestProfile(SignatureLoggingTest.LibrariesAtDebug.class)
class SignatureLoggingTest {

    /**
     * The XML libraries' parent category at DEBUG, as an operator would lower it. Not all of {@code org.apache}: the
     * log manager is the JVM's, and a level one test application sets stays for the others that do not set it; with
     * {@code org.apache} at DEBUG, the HTTP client of every later test wrote about 200,000 lines.
     */
    public static class LibrariesAtDebug implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.log.category.\"org.apache.xml\".level", "DEBUG");
        }
    }

    @Test
    void xmlSignatureLibraryStaysAtInfoWhenTheOtherLibrariesLogAtDebug() {
        // Santuario decides through System.Logger, once per class, whether to keep the signed bytes for debugging.
        System.Logger digest = System.getLogger("org.apache.xml.security.stax.impl.util.DigestOutputStream");
        assertFalse(digest.isLoggable(System.Logger.Level.DEBUG));
        assertTrue(digest.isLoggable(System.Logger.Level.INFO));
        assertTrue(System.getLogger("org.apache.xml.resolver.Catalog").isLoggable(System.Logger.Level.DEBUG),
                "the profile lowered the level of the other XML libraries");
    }
}
