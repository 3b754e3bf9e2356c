package org.edurecords.ncp.registry;

import org.edurecords.ncp.signing.Certificates;
import java.io.StringWriter;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.inject.Inject;

import org.edurecords.ncp.config.NcpConfig;
import org.edurecords.ncp.emrex.EmrexEntryRoute;
import org.edurecords.ncp.emrex2.Emrex2Endpoints;
import org.edurecords.ncp.signing.SigningKeyStore;

/**
 * This NCP's registry entry, from configuration and the published signing certificates, in the two forms
 * registries take: the classic EMREG JSON entry and the EWP {@code emrex-data-access-point} manifest entry.
 */
@ApplicationScoped
public class OwnRegistryEntry {

    @Inject
    org.edurecords.ncp.web.PublicUrl publicUrl;

    public static final String EWP_NAMESPACE =
            "https://github.com/erasmus-without-paper/ewp-specs-api-emrex-data-access-point/blob/stable-v1/manifest-entry.xsd";

    /** The EMREG JSON entry; field names exactly as EMREG and the gateway's schema spell them. */
    public record EmregEntry(String acronym, String countryCode, String url, String pubKey, List<String> institutions) {
    }

    /** Our EMREG 2.0 entry: the 1.0 facts plus the three EMREX 2.0 URLs (docs/emrex2.md). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Emreg2Entry(String name, String adminEmail, String website, String publicKey, Country country,
            List<Institution> institutions, Emreg2Props emreg2Props) {
    }

    public record Country(String isoCode, boolean singleFetch) {
    }

    public record Institution(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DataFormat(String name, String version, String schemaUrl) {
    }

    public record EvidenceType(String name) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Emreg2Props(List<DataFormat> supportedDataFormats, List<EvidenceType> availableEvidenceTypes,
            String authorizationUrl, String tokenUrl, String resourceUrl, String requiredTrustLevel, String pingUrl) {
    }

    static final String ELMO_SCHEMA = "https://github.com/emrex-eu/elmo-schemas/tree/v1";

    @Inject
    NcpConfig config;

    @Inject
    SigningKeyStore keys;

    public RegistryEntry entry() {
        NcpConfig.Registry registry = config.registry();
        return new RegistryEntry(registry.acronym(), registry.countryCode(), entryUrl(), registry.institutions(),
                keys.publishedCertificates(), "self");
    }

    public String entryUrl() {
        return config.registry().entryUrl().map(String::strip).filter(u -> !u.isEmpty())
                .orElse(publicUrl.base() + EmrexEntryRoute.PATH);
    }

    /**
     * EMREG has one {@code pubKey} per entry. During a rollover it holds several PEM blocks, signing
     * certificate first: clients that read one certificate get the signing one, clients that read all
     * (like ours) also learn the next one.
     */
    public EmregEntry emreg() {
        RegistryEntry own = entry();
        StringBuilder pem = new StringBuilder();
        for (X509Certificate cert : own.certificates()) {
            pem.append(Certificates.toPem(cert));
        }
        return new EmregEntry(own.acronym(), own.countryCode(), own.url(), pem.toString(), own.institutions());
    }

    /**
     * The EMREG 2.0 entry. {@code publicKey} holds every published certificate, signing one first, as the 1.0
     * entry does, so a key rollover is announced before it happens. A national NCP fetches once for all its
     * institutions ({@code singleFetch}).
     */
    public Emreg2Entry emreg2() {
        String base = publicUrl.base();
        List<DataFormat> formats = List.of(
                new DataFormat(Emrex2Endpoints.ELMO, Emrex2Endpoints.ELMO_VERSION, ELMO_SCHEMA),
                new DataFormat(Emrex2Endpoints.USERINFO, null, null),
                new DataFormat(Emrex2Endpoints.PDF_METADATA, null, null),
                new DataFormat(Emrex2Endpoints.PDF, null, null),
                new DataFormat(Emrex2Endpoints.COMPETENCE, Emrex2Endpoints.COMPETENCE_VERSION,
                        base + Emrex2Endpoints.COMPETENCE_SCHEMA_PATH));
        Emreg2Props props = new Emreg2Props(formats,
                Emrex2Endpoints.EVIDENCE_TYPES.stream().map(EvidenceType::new).toList(),
                base + Emrex2Endpoints.AUTHORIZE, base + Emrex2Endpoints.TOKEN, base + Emrex2Endpoints.RESULTS,
                config.registry().requiredTrustLevel().orElse(null), base + Emrex2Endpoints.PING);
        return new Emreg2Entry(config.name(), config.registry().adminEmail().orElse(null),
                config.registry().website().orElse(base), emreg().pubKey(),
                new Country(config.registry().countryCode(), true),
                config.registry().institutions().stream().map(Institution::new).toList(), props);
    }

    /** The EWP manifest entry (spec 6.2): one base64 DER {@code certificate} element per published certificate. */
    public String ewpManifestEntry() {
        RegistryEntry own = entry();
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.setDefaultNamespace(EWP_NAMESPACE);
            xml.writeStartElement(EWP_NAMESPACE, "emrex-data-access-point");
            xml.writeDefaultNamespace(EWP_NAMESPACE);
            xml.writeAttribute("version", "1.0.0");
            element(xml, "url", own.url());
            element(xml, "name", config.name());
            element(xml, "country-code", own.countryCode());
            for (String institution : own.institutions()) {
                element(xml, "institution", institution);
            }
            for (X509Certificate cert : own.certificates()) {
                element(xml, "certificate", Certificates.toBase64Der(cert));
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing the EWP manifest entry failed", e);
        }
        return out + "\n";
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeCharacters("\n  ");
        xml.writeStartElement(EWP_NAMESPACE, name);
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
