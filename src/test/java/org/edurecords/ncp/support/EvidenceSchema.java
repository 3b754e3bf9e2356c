package org.edurecords.ncp.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/** The JSON Schema of the evidence format of credentials, as published in {@code schemas/}, for checking answers. */
public final class EvidenceSchema {

    public static final Path FILE = Path.of("schemas/competence-evidence-1.0.schema.json");
    private static Schema schema;

    private EvidenceSchema() {
    }

    public static synchronized Schema schema() {
        if (schema == null) {
            try (InputStream in = Files.newInputStream(FILE)) {
                schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return schema;
    }

    /** What the schema finds wrong with a JSON text; empty when it is valid. */
    public static List<com.networknt.schema.Error> errors(String json) {
        return schema().validate(json, InputFormat.JSON);
    }
}
