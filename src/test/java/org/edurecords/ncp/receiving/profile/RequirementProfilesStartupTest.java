package org.edurecords.ncp.receiving.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The running service reads the built-in profiles and those of {@code ncp.receiving.profiles-dir} at start-up. */
@QuarkusTest
@TestProfile(RequirementProfilesStartupTest.ProfilesDir.class)
class RequirementProfilesStartupTest {

    /** The demo with a directory of one more profile. */
    public static class ProfilesDir implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ncp.receiving.profiles-dir", "src/test/resources/receiving/extra-profiles");
        }
    }

    @Inject
    RequirementProfiles profiles;

    @Test
    void theConfiguredDirectoryIsReadBesideTheBuiltInProfiles() {
        assertEquals(List.of("bachelor-degree", "subject-credits", "nursing"),
                profiles.all().stream().map(RequirementProfile::id).toList());
        RequirementProfile nursing = profiles.find("hkdir", "nursing").orElseThrow();
        assertTrue(nursing.source().endsWith("nursing.json"), nursing.source());
        assertEquals("Sykepleie", ProfileWords.title(nursing, java.util.Locale.forLanguageTag("nn")),
                "nynorsk falls back to bokmål");
        assertTrue(profiles.find("udi", "nursing").isEmpty(), "only for hkdir");
        assertEquals(1, profiles.find("udi", "bachelor-degree").orElseThrow().version());
    }
}
