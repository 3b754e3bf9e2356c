package org.edurecords.ncp.verify;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;

import org.apache.commons.text.similarity.LevenshteinDistance;
import org.edurecords.ncp.verify.VerificationReport.Learner;
import org.edurecords.ncp.verify.VerificationReport.LearnerMatch;

/**
 * Compares the document's learner with the person the receiver expects. Names are compared after
 * normalising case, accents, Nordic and Polish letters, hyphens and spacing, by edit distance; the birth
 * date must be equal. Score: birth date 40, family name 35, given names 25 points (re-weighted when the
 * receiver gives only some of them). MATCH means identical after normalising (score 100); a near miss is
 * PARTIAL, for a person to decide; below {@value #MISMATCH_BELOW} or another birth date is MISMATCH.
 */
public final class LearnerMatching {

    static final int MISMATCH_BELOW = 70;
    private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

    private LearnerMatching() {
    }

    /**
     * The same rule for a learner named outside ELMO (the JSON evidence of credentials), so that every document a
     * receiver gets is matched to the expected person alike.
     */
    public static LearnerMatch match(Learner learner, String givenNames, String familyName, String birthDate) {
        return match(learner, givenNames, familyName, birthDate, new ElmoVerifier.Steps());
    }

    static LearnerMatch match(Learner learner, String givenNames, String familyName, String birthDate,
            ElmoVerifier.Steps steps) {
        boolean wantsGiven = notBlank(givenNames);
        boolean wantsFamily = notBlank(familyName);
        boolean wantsBirth = notBlank(birthDate);
        if (!wantsGiven && !wantsFamily && !wantsBirth) {
            steps.skip("learner", "not checked: no expected given names, family name or birth date given");
            return new LearnerMatch("NOT_CHECKED", 0, null, 0, 0);
        }
        if (learner == null) {
            steps.fail("learner", "the document's learner could not be read");
            return new LearnerMatch("MISMATCH", 0, null, 0, 0);
        }
        double weight = 0;
        double points = 0;
        String birthVerdict = null;
        if (wantsBirth) {
            weight += 40;
            if (learner.birthDate() == null) {
                birthVerdict = "MISSING";
            } else if (learner.birthDate().equals(birthDate.strip())) {
                birthVerdict = "EQUAL";
                points += 40;
            } else {
                birthVerdict = "DIFFERENT";
            }
        }
        double family = wantsFamily ? similarity(familyName, learner.familyName()) : 0;
        double given = wantsGiven ? givenSimilarity(givenNames, learner.givenNames()) : 0;
        if (wantsFamily) {
            weight += 35;
            points += 35 * family;
        }
        if (wantsGiven) {
            weight += 25;
            points += 25 * given;
        }
        int score = (int) Math.round(100 * points / weight);
        String verdict;
        if ("DIFFERENT".equals(birthVerdict) || score < MISMATCH_BELOW) {
            verdict = "MISMATCH";
            steps.fail("learner", "the document is about another person (score " + score
                    + ("DIFFERENT".equals(birthVerdict) ? ", birth date differs" : "") + ")");
        } else if (points >= weight - 1e-9 && !"MISSING".equals(birthVerdict)) {
            verdict = "MATCH";
            steps.pass("learner", "matches the expected person (score " + score + ")");
        } else {
            verdict = "PARTIAL";
            steps.warn("learner", "partly matches the expected person (score " + score
                    + ("MISSING".equals(birthVerdict) ? ", the document has no birth date" : "") + "); check by hand");
        }
        return new LearnerMatch(verdict, score, birthVerdict, round(family), round(given));
    }

    /** Someone often gives only their first given name: all expected names present counts as identical. */
    private static double givenSimilarity(String expected, String actual) {
        String e = normalise(expected);
        String a = normalise(actual);
        if (!e.isEmpty() && Arrays.asList(a.split(" ")).containsAll(Arrays.asList(e.split(" ")))) {
            return 1.0;
        }
        return similarityOfNormalised(e, a);
    }

    private static double similarity(String expected, String actual) {
        return similarityOfNormalised(normalise(expected), normalise(actual));
    }

    /** 1 minus the edit distance relative to the longer name: one typo in a long name still scores high. */
    private static double similarityOfNormalised(String e, String a) {
        int longer = Math.max(e.length(), a.length());
        return longer == 0 ? 1.0 : 1.0 - (double) DISTANCE.apply(e, a) / longer;
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String s = name.toLowerCase(Locale.ROOT)
                .replace("ø", "o").replace("æ", "ae").replace("ł", "l").replace("ß", "ss").replace("đ", "d")
                .replace("þ", "th");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return s.replaceAll("[\\s\\-'’.]+", " ").strip();
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
