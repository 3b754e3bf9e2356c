package org.edurecords.ncp.receiving.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import org.edurecords.ncp.receiving.ReceivingProfile;

import org.junit.jupiter.api.Test;

/** The running service reads the built-in profiles and those of {@code ncp.receiving.profiles-dir} at start-up. */
@QuarkusTest
// The receiving tests' profile names the directory (one service start for all of them).
@TestProfile(ReceivingProfile.class)
class RequirementProfilesStartupTest {

    @Inject
    RequirementProfiles profiles;

    @Test
    void theConfiguredDirectoryIsReadBesideTheBuiltInProfiles() {
        assertEquals(List.of("bachelor-degree", "subject-credits", "driving-licence-b", "health-worker-authorisation",
                "recognition-master", "nursing"),
                profiles.all().stream().map(RequirementProfile::id).toList());
        RequirementProfile nursing = profiles.find("hkdir", "nursing").orElseThrow();
        assertTrue(nursing.source().endsWith("nursing.json"), nursing.source());
        assertEquals("Sykepleie", ProfileWords.title(nursing, java.util.Locale.forLanguageTag("nn")),
                "nynorsk falls back to bokmål");
        assertTrue(profiles.find("udi", "nursing").isEmpty(), "only for hkdir");
        assertEquals(1, profiles.find("udi", "bachelor-degree").orElseThrow().version());
    }
}
