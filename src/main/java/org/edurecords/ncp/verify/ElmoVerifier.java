package org.edurecords.ncp.verify;

import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.XMLSignature;

import org.edurecords.ncp.elmo.ElmoSchemaValidator;
import org.edurecords.ncp.elmo.SecureXml;
import org.edurecords.ncp.signing.Certificates;
import org.edurecords.ncp.registry.RegistryEntry;
import org.edurecords.ncp.signing.TransferEncoding;
import org.edurecords.ncp.signing.TransferEncodingException;
import org.edurecords.ncp.verify.VerificationReport.LearnerMatch;
import org.edurecords.ncp.verify.VerificationReport.SignatureInfo;
import org.edurecords.ncp.verify.VerificationReport.Step;
import org.edurecords.ncp.verify.VerificationReport.Verdict;
import org.edurecords.ncp.verify.VerificationReport.VerifiedBy;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The receiver's verifier: decodes an {@code elmo} value step by step and says, per step, what it found.
 * Free of CDI so that the command-line tool and the conformance kit run the very same checks as
 * {@code POST /api/verify}.
 * <p>
 * Order: strict base64, capped gunzip, parsing without DTDs, ELMO schema, signature structure, algorithms
 * (SHA-1 only with the legacy switch), signature with a registry certificate, learner match, summary. A
 * step that cannot run because an earlier one failed is SKIPPED; later independent steps still run, so one
 * report names every problem.
 */
public final class ElmoVerifier {

    public static final String ELMO_NS = "https://github.com/emrex-eu/elmo-schemas/tree/v1";
    static final String RSA_SHA1 = "http://www.w3.org/2000/09/xmldsig#rsa-sha1";

    private static final Set<String> STRONG_SIGNATURES = Set.of(SignatureMethod.RSA_SHA256, SignatureMethod.RSA_SHA384,
            SignatureMethod.RSA_SHA512, SignatureMethod.ECDSA_SHA256, SignatureMethod.ECDSA_SHA384,
            SignatureMethod.ECDSA_SHA512, SignatureMethod.SHA256_RSA_MGF1, SignatureMethod.SHA384_RSA_MGF1,
            SignatureMethod.SHA512_RSA_MGF1);
    private static final Set<String> STRONG_DIGESTS = Set.of(DigestMethod.SHA256, DigestMethod.SHA384,
            DigestMethod.SHA512, DigestMethod.SHA3_256, DigestMethod.SHA3_384, DigestMethod.SHA3_512);
    private static final Set<String> CANONICALIZATIONS = Set.of(CanonicalizationMethod.INCLUSIVE,
            CanonicalizationMethod.INCLUSIVE_WITH_COMMENTS, CanonicalizationMethod.EXCLUSIVE,
            CanonicalizationMethod.EXCLUSIVE_WITH_COMMENTS, "http://www.w3.org/2006/12/xml-c14n11",
            "http://www.w3.org/2006/12/xml-c14n11#WithComments");

    /**
     * @param maxDocumentBytes decompressed size limit (gzip bombs)
     * @param allowSha1        legacy switch: accept rsa-sha1 and sha1, reported as weak
     */
    public record Settings(long maxDocumentBytes, boolean allowSha1) {
    }

    private final Settings settings;
    private final ElmoSchemaValidator schema;
    private final Supplier<List<RegistryEntry>> registry;
    private final JdkXmlSignatureVerifier signatures = new JdkXmlSignatureVerifier();
    private final java.time.Clock clock;

    public ElmoVerifier(Settings settings, ElmoSchemaValidator schema, Supplier<List<RegistryEntry>> registry) {
        this(settings, schema, registry, java.time.Clock.systemUTC());
    }

    /** @param clock decides whether a registry certificate is within its validity period */
    public ElmoVerifier(Settings settings, ElmoSchemaValidator schema, Supplier<List<RegistryEntry>> registry,
            java.time.Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.schema = Objects.requireNonNull(schema, "schema");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public VerificationReport verify(VerifyRequest request) {
        Steps steps = new Steps();
        byte[] gzipped = null;
        try {
            gzipped = TransferEncoding.strictBase64(request.elmo());
            steps.pass("base64", gzipped.length + " bytes after strict base64 decoding");
        } catch (TransferEncodingException e) {
            steps.fail("base64", e.getMessage());
        }
        byte[] xml = null;
        if (gzipped == null) {
            steps.skip("gunzip");
        } else {
            try {
                xml = TransferEncoding.gunzip(gzipped, settings.maxDocumentBytes());
                steps.pass("gunzip", xml.length + " bytes of XML");
            } catch (TransferEncodingException e) {
                steps.fail("gunzip", e.getMessage());
            }
        }
        Document document = null;
        if (xml == null) {
            steps.skip("parse");
        } else {
            try {
                document = SecureXml.parse(xml);
                steps.pass("parse", "well-formed XML without DOCTYPE or external entities");
            } catch (SecureXml.XmlParseException e) {
                steps.fail("parse", e.getMessage());
            }
        }
        if (document == null) {
            for (String name : List.of("schema", "signature-structure", "signature-algorithms", "signature-key",
                    "learner", "summary")) {
                steps.skip(name);
            }
            return steps.report(null, new LearnerMatch("NOT_CHECKED", 0, null, 0, 0), null);
        }
        checkSchema(document, steps);
        SignatureInfo signature = checkSignature(document, request.ncp(), steps);
        ElmoSummaries.Extracted extracted = ElmoSummaries.extract(document);
        if (extracted.summary() == null) {
            steps.fail("summary", extracted.problem());
        }
        LearnerMatch match = LearnerMatching.match(extracted.summary() == null ? null : extracted.summary().learner(),
                request.givenNames(), request.familyName(), request.birthDate(), steps);
        if (extracted.summary() != null) {
            steps.pass("summary", extracted.summary().reports().size() + " report(s), "
                    + extracted.summary().totals().results() + " result(s)");
        }
        return steps.report(signature, match, extracted.summary());
    }

    private void checkSchema(Document document, Steps steps) {
        Element root = document.getDocumentElement();
        if (!ELMO_NS.equals(root.getNamespaceURI()) || !"elmo".equals(root.getLocalName())) {
            steps.fail("schema", "Root element is {" + root.getNamespaceURI() + "}" + root.getLocalName()
                    + "; ELMO v1 needs {" + ELMO_NS + "}elmo");
            return;
        }
        ElmoSchemaValidator.Result result = schema.validate(document);
        if (result.valid()) {
            steps.pass("schema", "valid ELMO v1.7");
        } else {
            List<ElmoSchemaValidator.Problem> errors = result.errors();
            steps.fail("schema", errors.size() + " schema error(s); first: " + errors.get(0));
        }
    }

    private SignatureInfo checkSignature(Document document, String expectedNcp, Steps steps) {
        Element root = document.getDocumentElement();
        NodeList all = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        Element signature = null;
        for (Node n = root.getLastChild(); n != null; n = n.getPreviousSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                if (XMLSignature.XMLNS.equals(n.getNamespaceURI()) && "Signature".equals(n.getLocalName())) {
                    signature = (Element) n;
                }
                break;
            }
        }
        String structure = null;
        if (all.getLength() == 0) {
            structure = "The document is not signed (no ds:Signature element)";
        } else if (all.getLength() > 1) {
            structure = "Found " + all.getLength() + " ds:Signature elements; exactly one is allowed";
        } else if (signature == null) {
            structure = "The ds:Signature is not the last child of the root element";
        } else if (signature.getElementsByTagNameNS(XMLSignature.XMLNS, "Object").getLength() > 0) {
            structure = "The ds:Signature carries ds:Object content, which EMREX signatures never rely on";
        } else if (signature.getElementsByTagNameNS(XMLSignature.XMLNS, "RetrievalMethod").getLength() > 0) {
            structure = "The ds:Signature uses a RetrievalMethod";
        } else {
            NodeList refs = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "Reference");
            if (refs.getLength() != 1) {
                structure = "SignedInfo has " + refs.getLength() + " references; exactly one with URI=\"\" is required";
            } else {
                Element ref = (Element) refs.item(0);
                if (!ref.hasAttribute("URI") || !ref.getAttribute("URI").isEmpty()) {
                    structure = "Reference URI is " + (ref.hasAttribute("URI") ? "\"" + ref.getAttribute("URI") + "\""
                            : "absent") + "; it must be \"\" (the whole document)";
                } else {
                    structure = transformProblem(ref);
                }
            }
        }
        if (structure != null) {
            steps.fail("signature-structure", structure);
        } else {
            steps.pass("signature-structure", "one enveloped signature, last child of the root, one Reference URI=\"\"");
        }
        Element sigForAlgorithms = signature != null ? signature : all.getLength() > 0 ? (Element) all.item(0) : null;
        String sigAlg = algorithm(sigForAlgorithms, "SignedInfo", "SignatureMethod");
        String digestAlg = algorithm(sigForAlgorithms, "SignedInfo", "Reference", "DigestMethod");
        String c14n = algorithm(sigForAlgorithms, "SignedInfo", "CanonicalizationMethod");
        boolean weak = RSA_SHA1.equals(sigAlg) || DigestMethod.SHA1.equals(digestAlg);
        boolean algorithmsOk = false;
        if (sigForAlgorithms == null) {
            steps.skip("signature-algorithms");
        } else {
            String problem = algorithmProblem(sigAlg, digestAlg, c14n);
            if (problem != null) {
                steps.fail("signature-algorithms", problem);
            } else if (weak) {
                algorithmsOk = true;
                steps.warn("signature-algorithms", "SHA-1 (" + sigAlg + ", " + digestAlg
                        + ") is weak; accepted only because the legacy switch ncp.verify.allow-sha1 is on");
            } else {
                algorithmsOk = true;
                steps.pass("signature-algorithms", sigAlg + ", " + digestAlg + ", " + c14n);
            }
        }
        X509Certificate claimed = keyInfoCertificate(sigForAlgorithms);
        String claimedSubject = claimed == null ? null : claimed.getSubjectX500Principal().getName();
        if (structure != null || !algorithmsOk) {
            steps.skip("signature-key");
            return new SignatureInfo(sigAlg, digestAlg, c14n, weak, false, null,
                    sigForAlgorithms == null ? SignatureInfo.UNSIGNED : SignatureInfo.BROKEN, claimedSubject);
        }
        return checkKey(document, expectedNcp, steps, sigAlg, digestAlg, c14n, weak, claimed);
    }

    private SignatureInfo checkKey(Document document, String expectedNcp, Steps steps, String sigAlg,
            String digestAlg, String c14n, boolean weak, X509Certificate claimed) {
        String claimedSubject = claimed == null ? null : claimed.getSubjectX500Principal().getName();
        List<RegistryEntry> known = registry.get();
        List<RegistryEntry> candidates = known.stream().filter(e -> e.matches(expectedNcp)).toList();
        if (candidates.isEmpty()) {
            steps.fail("signature-key", expectedNcp == null || expectedNcp.isBlank()
                    ? "No NCP is known from the registry, so no certificate can verify the signature"
                    : "The expected NCP '" + expectedNcp + "' is not in the registry");
            return new SignatureInfo(sigAlg, digestAlg, c14n, weak, false, null, SignatureInfo.UNKNOWN_SIGNER,
                    claimedSubject);
        }
        List<String> lastProblems = List.of();
        for (RegistryEntry entry : candidates) {
            for (X509Certificate cert : entry.certificates()) {
                VerificationResult result = signatures.verify(document, cert, !weak);
                if (result.valid()) {
                    List<String> notes = new ArrayList<>(result.warnings());
                    if (!result.keyInfoMatchesTrusted()) {
                        notes.add("KeyInfo does not carry the registry certificate");
                    }
                    validityNote(cert).ifPresent(notes::add);
                    String message = "verified with the certificate of " + entry.label() + " (" + entry.url() + ")";
                    if (notes.isEmpty()) {
                        steps.pass("signature-key", message);
                    } else {
                        steps.warn("signature-key", message + "; " + String.join("; ", notes));
                    }
                    return new SignatureInfo(sigAlg, digestAlg, c14n, weak, result.keyInfoMatchesTrusted(),
                            new VerifiedBy(entry.acronym(), entry.countryCode(), entry.url(),
                                    cert.getSubjectX500Principal().getName(), Certificates.sha256(cert)), null,
                            claimedSubject);
                }
                lastProblems = result.problems();
            }
        }
        boolean digestBroken = lastProblems.stream().anyMatch(p -> p.startsWith("Digest of reference"));
        String scope = expectedNcp == null || expectedNcp.isBlank() ? "any of the " + candidates.size()
                + " NCP(s) in the registry" : "the expected NCP '" + expectedNcp + "'";
        steps.fail("signature-key", (digestBroken
                ? "The document was changed after signing (digest mismatch)"
                : "No certificate of " + scope + " verifies the signature (signed by a key not in the registry,"
                        + " or the signature was altered)")
                + (lastProblems.isEmpty() ? "" : ": " + String.join("; ", lastProblems)));
        // A registry certificate in KeyInfo that does not verify the value: the seal itself was tampered with.
        boolean claimsKnownCertificate = claimed != null && candidates.stream()
                .anyMatch(e -> e.certificates().contains(claimed));
        return new SignatureInfo(sigAlg, digestAlg, c14n, weak, false, null, digestBroken ? SignatureInfo.CHANGED
                : claimsKnownCertificate ? SignatureInfo.BROKEN : SignatureInfo.UNKNOWN_SIGNER, claimedSubject);
    }

    /** The certificate the signature's KeyInfo carries: what the document claims, never used as a key. */
    private static X509Certificate keyInfoCertificate(Element signature) {
        if (signature == null) {
            return null;
        }
        NodeList certs = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
        if (certs.getLength() == 0) {
            return null;
        }
        try {
            byte[] der = java.util.Base64.getMimeDecoder().decode(certs.item(0).getTextContent().strip());
            return (X509Certificate) java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(der));
        } catch (java.security.cert.CertificateException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The registry is the trust anchor, so an expired certificate still identifies the NCP; but a receiver
     * should know that the NCP let it lapse (or published it early), so it is a warning, not a failure.
     */
    private java.util.Optional<String> validityNote(X509Certificate cert) {
        java.time.Instant now = clock.instant();
        if (now.isAfter(cert.getNotAfter().toInstant())) {
            return java.util.Optional.of("the registry certificate expired on "
                    + cert.getNotAfter().toInstant().toString().substring(0, 10));
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            return java.util.Optional.of("the registry certificate is not valid before "
                    + cert.getNotBefore().toInstant().toString().substring(0, 10));
        }
        return java.util.Optional.empty();
    }

    private static String transformProblem(Element reference) {
        NodeList transforms = reference.getElementsByTagNameNS(XMLSignature.XMLNS, "Transform");
        if (transforms.getLength() == 0
                || !"http://www.w3.org/2000/09/xmldsig#enveloped-signature".equals(((Element) transforms.item(0))
                        .getAttribute("Algorithm"))) {
            return "The first transform must be enveloped-signature";
        }
        for (int i = 1; i < transforms.getLength(); i++) {
            String alg = ((Element) transforms.item(i)).getAttribute("Algorithm");
            if (i > 1 || !CANONICALIZATIONS.contains(alg)) {
                return "Transform not allowed: " + alg + " (only enveloped-signature and optionally one C14N)";
            }
        }
        return null;
    }

    private String algorithmProblem(String sigAlg, String digestAlg, String c14n) {
        if (!CANONICALIZATIONS.contains(c14n)) {
            return "Canonicalization " + c14n + " is not allowed";
        }
        boolean sha1Signature = RSA_SHA1.equals(sigAlg);
        boolean sha1Digest = DigestMethod.SHA1.equals(digestAlg);
        if ((sha1Signature || sha1Digest) && !settings.allowSha1()) {
            return "SHA-1 (" + sigAlg + ", " + digestAlg + ") is refused: algorithm too weak; only a legacy"
                    + " setting (ncp.verify.allow-sha1=true, or --allow-sha1) accepts it";
        }
        if (!STRONG_SIGNATURES.contains(sigAlg) && !sha1Signature) {
            return "Signature algorithm " + sigAlg + " is not allowed (rsa-sha256 or stronger is required)";
        }
        if (!STRONG_DIGESTS.contains(digestAlg) && !sha1Digest) {
            return "Digest algorithm " + digestAlg + " is not allowed (sha256 or stronger is required)";
        }
        return null;
    }

    private static String algorithm(Element signature, String... path) {
        Element e = signature;
        for (String step : path) {
            if (e == null) {
                return null;
            }
            Element found = null;
            for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element c && XMLSignature.XMLNS.equals(c.getNamespaceURI())
                        && step.equals(c.getLocalName())) {
                    found = c;
                    break;
                }
            }
            e = found;
        }
        return e == null || !e.hasAttribute("Algorithm") ? null : e.getAttribute("Algorithm");
    }

    /** Collects the steps in order. */
    static final class Steps {
        private final List<Step> list = new ArrayList<>();

        void pass(String name, String message) {
            list.add(new Step(name, Verdict.PASS, message));
        }

        void warn(String name, String message) {
            list.add(new Step(name, Verdict.WARN, message));
        }

        void fail(String name, String message) {
            list.add(new Step(name, Verdict.FAIL, message));
        }

        void skip(String name) {
            skip(name, "not run: an earlier step failed");
        }

        void skip(String name, String message) {
            list.add(new Step(name, Verdict.SKIPPED, message));
        }

        VerificationReport report(SignatureInfo signature, LearnerMatch match, VerificationReport.Summary summary) {
            // A step is only skipped after a failure, or when the receiver did not ask for it (learner match).
            boolean valid = list.stream().noneMatch(s -> s.verdict() == Verdict.FAIL);
            return new VerificationReport(valid, valid ? "VALID" : "INVALID", list, signature, match, summary);
        }
    }
}
