package org.edurecords.ncp.registry;

import org.edurecords.ncp.signing.Certificates;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * A parsed EMREG list. Both list keys are read: {@code ncps} (classic EMREG) and {@code emps} (the newer
 * list of the EMREX gateway). An entry may be an EMREG 1.0 one ({@code acronym}, {@code countryCode}, {@code url},
 * {@code pubKey}) or an EMREG 2.0 one ({@code name}, {@code country.isoCode}, {@code publicKey},
 * {@code emreg2Props} with the EMREX 2.0 endpoints), or both at once. An entry that is unusable (no URL, no readable certificate) is left out and
 * named in {@link #skipped()}, so one broken entry does not take the whole registry down.
 *
 * @param entries the usable entries
 * @param skipped one line per left-out entry, saying why
 */
public record EmregList(List<RegistryEntry> entries, List<String> skipped) {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    public EmregList {
        entries = List.copyOf(entries);
        skipped = List.copyOf(skipped);
    }

    /**
     * @throws IOException when the bytes are not JSON, or the document has neither an {@code ncps} nor an
     *                     {@code emps} array; such a document never replaces a good copy
     */
    public static EmregList parse(byte[] json, String origin) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException("Registry document is not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IOException("Registry document is not a JSON object");
        }
        JsonNode ncps = root.get("ncps");
        JsonNode emps = root.get("emps");
        if ((ncps == null || !ncps.isArray()) && (emps == null || !emps.isArray())) {
            throw new IOException("Registry document has no 'ncps' or 'emps' list");
        }
        List<RegistryEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode list : new JsonNode[] {ncps, emps}) {
            if (list == null || !list.isArray()) {
                continue;
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode node = list.get(i);
                String name = (list == ncps ? "ncps" : "emps") + "[" + i + "]";
                try {
                    entries.add(entry(node, origin));
                } catch (IllegalArgumentException e) {
                    skipped.add(name + ": " + e.getMessage());
                }
            }
        }
        return new EmregList(entries, skipped);
    }

    private static RegistryEntry entry(JsonNode node, String origin) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not an object");
        }
        RegistryEntry.Emrex2 emrex2 = emrex2(node.get("emreg2Props"));
        String url = text(node, "url");
        if (url == null && emrex2 != null) {
            // An EMREG 2.0 entry without a 1.0 entry URL: it is known by its authorization URL.
            url = emrex2.authorizationUrl();
        }
        if (url == null) {
            throw new IllegalArgumentException("no url");
        }
        checkUrl(url, "url");
        // EMREG 1.0 spells the certificate field pubKey, EMREG 2.0 publicKey.
        String pubKey = text(node, "pubKey") == null ? text(node, "publicKey") : text(node, "pubKey");
        List<X509Certificate> certificates;
        try {
            certificates = Certificates.parsePem(pubKey);
        } catch (CertificateException e) {
            throw new IllegalArgumentException("pubKey is not a PEM certificate (" + url + ")");
        }
        List<String> institutions = new ArrayList<>();
        JsonNode inst = node.get("institutions");
        if (inst != null && inst.isArray()) {
            inst.forEach(n -> {
                if (n.isTextual()) {
                    institutions.add(n.asText());
                } else if (n.isObject() && text(n, "name") != null) {
                    institutions.add(text(n, "name"));
                }
            });
        }
        String country = text(node, "countryCode");
        if (country == null && node.get("country") != null) {
            country = text(node.get("country"), "isoCode");
        }
        String acronym = text(node, "acronym") == null ? text(node, "name") : text(node, "acronym");
        return new RegistryEntry(acronym, country == null ? null : country.toUpperCase(Locale.ROOT),
                url, institutions, certificates, origin, emrex2);
    }

    /**
     * The EMREX 2.0 endpoints of an entry: all three URLs, and ELMO among the data formats when it lists them;
     * the data formats it lists (names and versions) go with them. Without them the entry is an EMREX 1.0 one.
     */
    private static RegistryEntry.Emrex2 emrex2(JsonNode props) {
        if (props == null || !props.isObject()) {
            return null;
        }
        String authorization = text(props, "authorizationUrl");
        String token = text(props, "tokenUrl");
        String resource = text(props, "resourceUrl");
        if (authorization == null || token == null || resource == null) {
            throw new IllegalArgumentException("emreg2Props lacks authorizationUrl, tokenUrl or resourceUrl");
        }
        checkUrl(authorization, "authorizationUrl");
        checkUrl(token, "tokenUrl");
        checkUrl(resource, "resourceUrl");
        JsonNode formats = props.get("supportedDataFormats");
        List<RegistryEntry.DataFormat> listed = new ArrayList<>();
        if (formats != null && formats.isArray() && formats.size() > 0) {
            boolean elmo = false;
            for (JsonNode format : formats) {
                String name = format.isObject() ? text(format, "name") : null;
                if (name == null) {
                    // A format without a name says nothing a client could ask for; the others still count.
                    continue;
                }
                elmo |= "elmo".equals(name);
                listed.add(new RegistryEntry.DataFormat(name, text(format, "version")));
            }
            if (!elmo) {
                throw new IllegalArgumentException("emreg2Props.supportedDataFormats does not list elmo");
            }
        }
        return new RegistryEntry.Emrex2(authorization, token, resource, listed);
    }

    private static void checkUrl(String url, String field) {
        try {
            URI uri = new URI(url);
            if (!uri.isAbsolute() || !("https".equalsIgnoreCase(uri.getScheme())
                    || "http".equalsIgnoreCase(uri.getScheme()))) {
                throw new IllegalArgumentException(field + " is not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(field + " is malformed");
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }
}
