package org.edurecords.ncp.receiving;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** The JSON of {@code /api/receiver/requests} (docs/receivers.md; OpenAPI at {@code /q/openapi}). */
public final class ReceiverApi {

    private ReceiverApi() {
    }

    /**
     * A case system's request.
     *
     * @param caseReference the case the results are for, as the case system names it (shown to the applicant)
     * @param person        who the results must be about
     * @param profile       the id of the requirement profile to evaluate
     * @param profileVersion optional: a given version of it; the latest when absent
     * @param purpose       optional: why the results are asked for, in the receiver's words (shown to the applicant)
     * @param returnUrl     optional: where the applicant goes when done; on one of the receiver's return hosts
     */
    public record NewRequest(String caseReference, ExpectedPerson person, String profile, Integer profileVersion,
            String purpose, String returnUrl) {
    }

    /** The answer to a new request: its id and the URL to send the applicant to. */
    public record Created(String id, String applicantUrl, String status, Instant expiresAt, Profile profile) {
    }

    public record Profile(String id, int version) {
    }

    /** A request as the case system reads it; {@code results} and {@code evaluation} once evaluated. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequestView(String id, String caseReference, String status, String outcome, Profile profile,
            Instant createdAt, Instant expiresAt, Instant evaluatedAt, List<AnswerView> answers,
            @Schema(implementation = ReceivedResults.class) JsonNode results,
            @Schema(implementation = org.edurecords.ncp.receiving.profile.Evaluation.class) JsonNode evaluation,
            List<DeliveryView> webhook) {
    }

    /**
     * One trip of the applicant to an NCP and what came back.
     *
     * @param document URL of the original signed XML, when one came
     * @param pdf      URL of the PDF transcript it carried, when it carried one
     * @param protocol {@code 1.0} or {@code 2.0}: how the applicant was sent to the NCP and the answer came back
     * @param transportSignature EMREX 2.0: the check of the provider's {@code X-Signature} over the document
     * @param returnMessage the NCP's message with an error or cancel, or what went wrong fetching the answer
     * @param competence EMREX 2.0: the competence evidence asked for with the answer, when its provider lists the
     *                   format; its credentials are in the request's {@code results.credentials}
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AnswerView(String id, String provider, Instant startedAt, Instant receivedAt, String returnCode,
            Boolean verified, String verdict, String learnerMatch, Boolean weakSignature, JsonNode verification,
            String document, String pdf, String protocol, String transportSignature, String returnMessage,
            CompetenceView competence) {
    }

    /**
     * The competence evidence of an answer.
     *
     * @param state        {@code verified}, {@code not_verified} (its X-Signature does not verify), {@code invalid}
     *                     (not of the format competence 1.0), {@code none} (the applicant consented to no credentials),
     *                     {@code failed} (the provider did not give it)
     * @param url          the evidence exactly as the provider served it, with its X-Signature, when it came
     * @param check        the X-Signature check in words (and the format problem), or why it did not come
     * @param learnerMatch the evidence's learner against the expected person
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CompetenceView(String state, String url, String check, String learnerMatch) {
    }

    /** A webhook of this request and every attempt to deliver it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeliveryView(String idempotencyKey, String state, Instant createdAt, Instant nextAttemptAt,
            Instant deliveredAt, Instant abandonedAt, List<AttemptView> attempts) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(Instant at, Integer status, String error, long durationMs) {
    }
}
