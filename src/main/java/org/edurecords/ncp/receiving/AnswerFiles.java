package org.edurecords.ncp.receiving;

import java.util.Base64;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.signing.TransferEncodingException;

/**
 * An answer's original files as the API and the case workers' pages serve them: the signed XML, the PDF and the
 * competence evidence.
 */
final class AnswerFiles {

    private AnswerFiles() {
    }

    /** The signed ELMO exactly as its NCP signed it; a value that never decoded is served as it was received. */
    static Response document(ReceiverAnswer answer, long maxBytes) {
        try {
            byte[] xml = TransferEncoding.decode(answer.document, maxBytes);
            return Response.ok(xml, MediaType.APPLICATION_XML_TYPE.withCharset("UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"elmo-" + answer.id + ".xml\"")
                    .header("Cache-Control", "no-store").build();
        } catch (TransferEncodingException e) {
            // Kept as received; it never decoded (the verifier said so). The value itself is the original.
            return Response.ok(answer.document, MediaType.TEXT_PLAIN_TYPE.withCharset("US-ASCII"))
                    .header("Cache-Control", "no-store").build();
        }
    }

    /**
     * The competence evidence exactly as its provider served it, with the provider's {@code X-Signature} as received,
     * so that a case system can check it again with the provider's registry certificate.
     */
    static Response competence(ReceiverAnswer answer) {
        Response.ResponseBuilder ok = Response.ok(Base64.getDecoder().decode(answer.competence),
                MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"competence-" + answer.id + ".json\"")
                .header("Cache-Control", "no-store");
        if (answer.competenceSignature != null) {
            ok.header("X-Signature", answer.competenceSignature);
        }
        return ok.build();
    }

    /** The PDF transcript the answer carried. */
    static Response pdf(ReceiverAnswer answer) {
        return Response.ok(Base64.getDecoder().decode(answer.pdf), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"transcript-" + answer.id + ".pdf\"")
                .header("Cache-Control", "no-store").build();
    }
}
