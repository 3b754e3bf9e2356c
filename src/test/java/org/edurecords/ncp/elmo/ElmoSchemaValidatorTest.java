package org.edurecords.ncp.elmo;

import org.edurecords.ncp.support.MinimalElmo;
import org.edurecords.ncp.support.SharedConformance;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ElmoSchemaValidatorTest {

    private static ElmoSchemaValidator project;

    @TempDir
    Path dir;

    @BeforeAll
    static void compile() {
        project = new ElmoSchemaValidator();
    }

    @Test
    void minimalDocumentIsValidAsBytesAndAsDom() throws Exception {
        byte[] xml = MinimalElmo.xml().getBytes(StandardCharsets.UTF_8);

        assertTrue(project.validate(xml).valid(), project.validate(xml).errors().toString());
        assertTrue(project.validate(SecureXml.parse(xml)).valid());
    }

    @Test
    void missingRequiredElementIsReportedWithLineAndColumn() {
        byte[] xml = MinimalElmo.xml().replace("      <url>https://www.example.edu/</url>\n", "").getBytes(StandardCharsets.UTF_8);

        ElmoSchemaValidator.Result result = project.validate(xml);

        assertFalse(result.valid());
        ElmoSchemaValidator.Problem first = result.errors().get(0);
        assertEquals(12, first.line(), "the end tag of issuer");
        assertTrue(first.column() > 0);
        assertTrue(first.message().contains("url"), first.message());
    }

    @Test
    void domErrorsNameTheElementPath() throws Exception {
        Document doc = SecureXml.parse(MinimalElmo.xml().replace("<issueDate>2025-01-31T12:00:00Z", "<issueDate>yesterday")
                .getBytes(StandardCharsets.UTF_8));

        ElmoSchemaValidator.Result result = project.validate(doc);

        assertFalse(result.valid());
        assertTrue(result.errors().stream().allMatch(p -> p.line() == -1));
        assertTrue(result.errors().stream().anyMatch(p -> p.message().startsWith("at /elmo[1]/report[1]/issueDate[1]: ")
                && p.message().contains("yesterday")), result.errors().toString());
    }

    @Test
    void officialExampleIsValidAgainstBothSchemas() throws Exception {
        Path elmo = conformanceElmo();
        byte[] example = Files.readAllBytes(elmo.resolve("examples/elmo-schemas_v1.7.0_example.xml"));
        byte[] finnish = Files.readAllBytes(elmo.resolve("examples/fi-ncp_my_elmo.xml"));
        ElmoSchemaValidator conformance = new ElmoSchemaValidator(elmo.resolve("schema.xsd"));

        for (ElmoSchemaValidator validator : List.of(project, conformance)) {
            assertTrue(validator.validate(example).valid(), validator.validate(example).errors().toString());
            assertTrue(validator.validate(finnish).valid(), validator.validate(finnish).errors().toString());
        }
    }

    @Test
    void invalidExamplesAreRejectedWithReasons() throws Exception {
        Path elmo = conformanceElmo();
        byte[] danish = Files.readAllBytes(elmo.resolve("examples/dk-emrex_Example-elmo-Denmark.xml"));
        byte[] legacy = Files.readAllBytes(elmo.resolve("examples/fi-ncp_Example-elmo-Finland.xml"));
        byte[] wrongOrder = Files.readAllBytes(elmo.resolve("examples/emrex-gateway_sampleElmo.decoded.xml"));

        ElmoSchemaValidator.Result dk = project.validate(danish);

        assertFalse(dk.valid());
        // The README lists two faults: issuer without url, and credit levels "-".
        assertTrue(dk.errors().stream().anyMatch(p -> p.message().contains("'-'")), dk.errors().toString());
        assertTrue(dk.errors().stream().anyMatch(p -> p.message().contains("url")), dk.errors().toString());
        assertTrue(dk.errors().stream().allMatch(p -> p.line() > 0));
        assertFalse(project.validate(legacy).valid());
        assertFalse(project.validate(wrongOrder).valid());
        assertFalse(new ElmoSchemaValidator(elmo.resolve("schema.xsd")).validate(danish).valid());
    }

    @Test
    void doctypeMakesTheDocumentInvalidInsteadOfBeingProcessed() {
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE elmo [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">&xxe;</elmo>
                """;

        ElmoSchemaValidator.Result result = project.validate(xxe.getBytes(StandardCharsets.UTF_8));

        assertFalse(result.valid());
        assertTrue(result.errors().get(0).message().contains("DOCTYPE"), result.errors().toString());
    }

    @Test
    void malformedBytesGiveAResultNotAnException() {
        ElmoSchemaValidator.Result result = project.validate("<elmo xmlns=\"x\">\n<learner></elmo>".getBytes(StandardCharsets.UTF_8));

        assertFalse(result.valid());
        ElmoSchemaValidator.Problem last = result.errors().get(result.errors().size() - 1);
        assertEquals(2, last.line());
        assertTrue(last.message().contains("must be terminated"), last.message());
    }

    @Test
    void worksFromAPackagedJar() throws Exception {
        // In the packaged application the schema is read from a jar: URL, not from a directory.
        Path jar = dir.resolve("schemas.jar");
        Path source = Path.of("schemas");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar)); Stream<Path> files = Files.walk(source)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new JarEntry("schemas/" + source.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        String base = "jar:" + jar.toUri() + "!/schemas/elmo/";

        ElmoSchemaValidator packaged = new ElmoSchemaValidator(new URL(base + "schema.xsd"), new URL(base + "catalog.xml"));

        assertTrue(packaged.validate(MinimalElmo.xml().getBytes(StandardCharsets.UTF_8)).valid());
    }

    @Test
    void neverFetchesSchemasFromTheNetwork() throws Exception {
        Path schema = dir.resolve("remote.xsd");
        Files.writeString(schema, """
                <xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:test">
                  <xs:import namespace="urn:remote" schemaLocation="http://schemas.example.invalid/remote.xsd"/>
                  <xs:element name="root" type="xs:string"/>
                </xs:schema>
                """);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ElmoSchemaValidator(schema));

        assertTrue(e.getMessage().contains("http://schemas.example.invalid/remote.xsd"), e.getMessage());
        assertTrue(e.getMessage().contains("never fetched from the network"), e.getMessage());
    }

    // --- SecureXml

    @Test
    void secureXmlRejectsDoctypeAndExternalEntities() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE elmo [ <!ENTITY xxe SYSTEM "file:///etc/hostname"> ]>
                <elmo>&xxe;</elmo>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [ <!ENTITY lol "lol"> <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"> ]>
                <lolz>&lol2;</lolz>
                """;

        for (String xml : List.of(xxe, laughs)) {
            SecureXml.XmlParseException e = assertThrows(SecureXml.XmlParseException.class,
                    () -> SecureXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
            assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
            assertTrue(e.getMessage().contains("line 2"), e.getMessage());
        }
    }

    @Test
    void secureXmlRejectsMalformedInputClearly() {
        SecureXml.XmlParseException malformed = assertThrows(SecureXml.XmlParseException.class,
                () -> SecureXml.parse("<elmo>\n<learner></elmo>".getBytes(StandardCharsets.UTF_8)));
        SecureXml.XmlParseException empty = assertThrows(SecureXml.XmlParseException.class,
                () -> SecureXml.parse(new byte[0]));

        assertTrue(malformed.getMessage().startsWith("Malformed or forbidden XML at line 2"), malformed.getMessage());
        assertEquals("Empty input is not an XML document", empty.getMessage());
    }

    @Test
    void secureXmlIsNamespaceAwareAndKeepsUtf8() throws Exception {
        Document doc = SecureXml.parse(MinimalElmo.xml().getBytes(StandardCharsets.UTF_8));

        assertEquals("https://github.com/emrex-eu/elmo-schemas/tree/v1", doc.getDocumentElement().getNamespaceURI());
        assertEquals("elmo", doc.getDocumentElement().getLocalName());
        assertEquals("Ødegård", doc.getElementsByTagNameNS("*", "familyName").item(0).getTextContent());
    }

    static Path conformanceElmo() {
        return SharedConformance.elmoFolderOrSkip("checks against the official schema and examples");
    }
}
