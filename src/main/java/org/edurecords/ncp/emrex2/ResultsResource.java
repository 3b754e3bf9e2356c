package org.edurecords.ncp.emrex2;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.edurecords.ncp.competence.CompetenceDocuments;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.ledger.DisclosedResult;
import org.edurecords.ncp.ledger.Disclosure;
import org.edurecords.ncp.ledger.DisclosureLedger;
import org.edurecords.ncp.signing.ResponseSignature;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.signing.TransferEncodingException;
import org.jboss.logging.Logger;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The EMREX 2.0 resource endpoint ({@code GET /results}): what the student consented to, for the bearer of a token
 * of that consent, in the data format asked for. Every answer, errors and 204 included, carries {@code X-Signature}
 * over its exact body ({@link ResponseSignature}); each retrieval is a row in the owner's ledger.
 */
@Path(Emrex2Endpoints.RESULTS)
public class ResultsResource {

    private static final Logger LOG = Logger.getLogger(ResultsResource.class);
    private static final String ELMO_NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1";
    private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:@/+=-]{1,128}");
    private static final long MAX_DOCUMENT_BYTES = 64L * 1024 * 1024;

    @Inject
    Tokens tokens;

    @Inject
    ResponseSignature signature;

    @Inject
    DisclosureLedger ledger;

    @Inject
    ObjectMapper json;

    @Inject
    CompetenceDocuments competence;

    @GET
    public Response results(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-Request-ID") String requestId, @QueryParam("data_format") String format,
            @QueryParam("data_format_version") String version, @QueryParam("pdf_id") String pdfId) {
        String echoed = requestId != null && REQUEST_ID.matcher(requestId).matches() ? requestId : null;
        try {
            Consent consent = tokens.consentOf(bearer(authorization));
            String wanted = format == null || format.isBlank() ? Emrex2Endpoints.ELMO : format;
            return answer(consent, wanted, version, pdfId, echoed);
        } catch (OAuthError e) {
            LOG.warnf("EMREX 2.0 results refused with %d %s: %s", e.status(), e.error(), e.getMessage());
            Response.ResponseBuilder refused = signed(Response.status(e.status()), "application/json",
                    errorBody(e.error(), e.getMessage()), echoed);
            if (e.status() == 401) {
                refused.header("WWW-Authenticate", "Bearer error=\"" + e.error() + "\"");
            }
            return refused.build();
        }
    }

    private Response answer(Consent consent, String format, String version, String pdfId, String requestId)
            throws OAuthError {
        switch (format) {
            case Emrex2Endpoints.ELMO -> {
                if (version != null && !version.isBlank() && !Emrex2Endpoints.ELMO_VERSION.equals(version)) {
                    throw OAuthError.invalidRequest("data_format_version " + Emrex2Endpoints.ELMO_VERSION
                            + " is the one served for elmo");
                }
            }
            case Emrex2Endpoints.COMPETENCE -> {
                if (version != null && !version.isBlank() && !Emrex2Endpoints.COMPETENCE_VERSION.equals(version)) {
                    throw OAuthError.invalidRequest("data_format_version " + Emrex2Endpoints.COMPETENCE_VERSION
                            + " is the one served for competence");
                }
            }
            case Emrex2Endpoints.USERINFO, Emrex2Endpoints.PDF_METADATA -> noVersion(version);
            case Emrex2Endpoints.PDF -> {
                noVersion(version);
                if (pdfId == null || pdfId.isBlank()) {
                    throw OAuthError.invalidRequest("pdf_id is required for data_format=pdf");
                }
            }
            default -> throw OAuthError.invalidRequest(
                    "data_format is not one of elmo, userinfo, pdf_metadata, pdf, competence");
        }
        if (Emrex2Endpoints.COMPETENCE.equals(format)) {
            if (!consent.hasCredentials()) {
                return signed(Response.noContent(), null, new byte[0], requestId).build();
            }
            byte[] evidence = consent.competence.getBytes(StandardCharsets.UTF_8);
            recordCredentials(consent, evidence);
            return signed(Response.ok(), "application/json", evidence, requestId).build();
        }
        if (!consent.hasResults()) {
            // Nothing is disclosed; the consent's ledger row already says who asked.
            return signed(Response.noContent(), null, new byte[0], requestId).build();
        }
        byte[] body;
        String type;
        switch (format) {
            case Emrex2Endpoints.ELMO -> {
                body = document(consent);
                type = "application/xml";
            }
            case Emrex2Endpoints.USERINFO -> {
                body = userinfo(document(consent));
                type = "application/xml";
            }
            case Emrex2Endpoints.PDF_METADATA -> {
                body = pdfMetadata(consent);
                type = "application/json";
            }
            default -> {
                if (!consent.documentId.equals(pdfId)) {
                    return signed(Response.status(404), "application/json",
                            errorBody("not_found", "no PDF with this pdf_id"), requestId).build();
                }
                body = Base64.getDecoder().decode(consent.pdf);
                type = "application/pdf";
            }
        }
        record(consent, format, !Emrex2Endpoints.PDF_METADATA.equals(format));
        return signed(Response.ok(), type, body, requestId).build();
    }

    private static void noVersion(String version) throws OAuthError {
        if (version != null && !version.isBlank()) {
            throw OAuthError.invalidRequest("this data_format has no data_format_version");
        }
    }

    /** Each retrieval is a disclosure of its own in the owner's ledger. */
    @Transactional
    void record(Consent consent, String format, boolean results) {
        if (consent.learnerId == null) {
            return;
        }
        ledger.record(Disclosure.emrex2Retrieval(consent.learnerId, consent.recipient, format, consent.documentId,
                results ? ledger.resultsOfDocument(consent.documentId) : List.of(), consent.refId));
    }

    /** A retrieval of the credentials is a disclosure of those credentials. */
    @Transactional
    void recordCredentials(Consent consent, byte[] evidence) {
        if (consent.learnerId == null) {
            return;
        }
        ledger.record(Disclosure.emrex2Retrieval(consent.learnerId, consent.recipient, Emrex2Endpoints.COMPETENCE,
                consent.documentId, DisclosedResult.of(competence.read(new String(evidence, StandardCharsets.UTF_8))),
                consent.refId));
    }

    private Response.ResponseBuilder signed(Response.ResponseBuilder builder, String type, byte[] body,
            String requestId) {
        ResponseSignature.Signed signed = signature.sign(body);
        if (type != null) {
            builder.entity(body).type(type.startsWith("application/pdf") ? type : type + ";charset=UTF-8");
        }
        builder.header("X-Signature", signed.jws()).header("X-Signature-Algorithm", signed.algorithm())
                .header("X-Signature-Alg", signed.algorithm()).header("Cache-Control", "no-store");
        if (requestId != null) {
            builder.header("X-Request-ID", requestId);
        }
        return builder;
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).strip();
    }

    private byte[] document(Consent consent) {
        try {
            return TransferEncoding.decode(consent.document, MAX_DOCUMENT_BYTES);
        } catch (TransferEncodingException e) {
            throw new IllegalStateException("Consent " + consent.refId + " holds an unreadable document", e);
        }
    }

    /** The learner of the consented document, as the ELMO's own {@code learner} element. */
    private static byte[] userinfo(byte[] elmo) {
        try {
            Document document = SecureXml.parse(elmo);
            NodeList learners = document.getElementsByTagNameNS(ELMO_NS, "learner");
            Element learner = (Element) learners.item(0);
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newDefaultInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(learner), new StreamResult(out));
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (SecureXml.XmlParseException | TransformerException e) {
            throw new IllegalStateException("The learner of a consented document cannot be read", e);
        }
    }

    private byte[] pdfMetadata(Consent consent) {
        byte[] pdf = Base64.getDecoder().decode(consent.pdf);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("pdf_id", consent.documentId);
        entry.put("title", "Transcript of records");
        entry.put("issue_date", consent.createdAt.atOffset(ZoneOffset.UTC).toLocalDate().toString());
        entry.put("type", "transcript_of_records");
        entry.put("size_bytes", pdf.length);
        entry.put("checksum", "sha256:" + HexFormat.of().formatHex(ResponseSignature.sha256(pdf)));
        return json(Map.of("pdf_list", List.of(entry)));
    }

    private byte[] errorBody(String error, String description) {
        return json(TokenRoute.error(error, description));
    }

    private byte[] json(Object value) {
        try {
            return json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
