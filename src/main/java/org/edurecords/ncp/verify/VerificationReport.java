package org.edurecords.ncp.verify;

import java.util.List;

/**
 * The verifier's answer: one verdict per step in the order they ran, and what the document says.
 * {@link #valid()} only when no step failed.
 */
public record VerificationReport(boolean valid, String verdict, List<Step> steps, SignatureInfo signature,
        LearnerMatch learnerMatch, Summary summary) {

    public enum Verdict {
        PASS, WARN, FAIL, SKIPPED
    }

    /** One step: {@code base64}, {@code gunzip}, {@code parse}, {@code schema}, {@code signature-structure}, ... */
    public record Step(String name, Verdict verdict, String message) {
    }

    /**
     * The signature as found, and the registry entry whose certificate verified it (null when none did).
     *
     * @param failure        why it did not verify, in one stable word: {@link #UNSIGNED}, {@link #BROKEN},
     *                       {@link #CHANGED}, {@link #UNKNOWN_SIGNER}; null when it verified
     * @param claimedSigner  subject of the certificate in {@code KeyInfo}: what the document claims, never trusted
     */
    public record SignatureInfo(String signatureAlgorithm, String digestAlgorithm, String canonicalization,
            boolean weakAlgorithm, boolean keyInfoMatchesRegistry, VerifiedBy verifiedBy, String failure,
            String claimedSigner) {
        /** No signature, or no signature where one belongs. */
        public static final String UNSIGNED = "UNSIGNED";
        /** A signature of a shape or with algorithms the verifier refuses, or whose value was altered. */
        public static final String BROKEN = "BROKEN";
        /** The signed content was changed after signing (digest mismatch). */
        public static final String CHANGED = "CHANGED";
        /** No registry certificate verifies it: signed by a key the registry does not know. */
        public static final String UNKNOWN_SIGNER = "UNKNOWN_SIGNER";
    }

    public record VerifiedBy(String acronym, String countryCode, String url, String certificateSubject,
            String certificateSha256) {
    }

    /**
     * How well the document's learner matches the expected person: 0 (nothing alike) to 100 (identical
     * after normalising case, accents and spacing). {@code verdict} is MATCH, PARTIAL, MISMATCH or NOT_CHECKED.
     */
    public record LearnerMatch(String verdict, int score, String birthDate, double familyNameSimilarity,
            double givenNamesSimilarity) {
    }

    public record Summary(String generatedDate, Learner learner, List<Report> reports, Totals totals,
            List<AttachmentInfo> attachments) {
    }

    public record Learner(String givenNames, String familyName, String birthDate, String citizenship) {
    }

    public record Report(String issuer, String schac, String country, String issueDate, List<Result> results,
            Totals totals, List<AttachmentInfo> attachments) {
    }

    /** One learning opportunity; {@code depth} 0 is a top-level node, children follow their parent. */
    public record Result(int depth, String code, String title, String type, String date, String grade,
            String credits, String status) {
    }

    public record Totals(int results, int passed, String credits) {
    }

    public record AttachmentInfo(String type, String title, String mediaType, long bytes, boolean pdf) {
    }
}
