package org.edurecords.ncp.democlient;

import java.util.List;

/**
 * What the demo client's EMREX 2.0 mode exchanged with the contact point, as its result page shows it: the
 * redirect's state and error, the token answer without the token itself, and the resource answers.
 *
 * @param state            the state the redirect carried
 * @param error            the redirect's {@code error}, or null
 * @param errorDescription the redirect's {@code error_description}, or null
 * @param tokenStatus      HTTP status of the token request, 0 when none was made
 * @param tokenFields      the token answer's fields except {@code access_token} (token_type, expires_in, scope;
 *                         error and error_description of a refusal)
 * @param calls            the resource requests, in order
 */
public record Emrex2Exchange(String state, String error, String errorDescription, int tokenStatus,
        List<Field> tokenFields, List<Call> calls) {

    /** One name and value of the token answer. */
    public record Field(String name, String value) {
    }

    /** One request to the resource endpoint and its answer. */
    public record Call(String request, int status, String contentType, int bytes, String requestId,
            String signatureAlgorithm) {
    }
}
