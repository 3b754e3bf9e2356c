package org.edurecords.ncp.support;

import java.nio.charset.StandardCharsets;

/** The smallest valid ELMO v1.7 document (spec §4.3), with non-ASCII names, for unit tests. */
public final class MinimalElmo {

    private MinimalElmo() {
    }

    public static String xml() {
        return xml("Łucja", "Ødegård");
    }

    public static String xml(String givenNames, String familyName) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">
                  <generatedDate>2025-01-31T12:00:00Z</generatedDate>
                  <learner>
                    <givenNames>%s</givenNames>
                    <familyName>%s</familyName>
                  </learner>
                  <report>
                    <issuer>
                      <identifier type="schac">example.edu</identifier>
                      <title xml:lang="en">Example University</title>
                      <url>https://www.example.edu/</url>
                    </issuer>
                    <issueDate>2025-01-31T12:00:00Z</issueDate>
                  </report>
                </elmo>
                """.formatted(givenNames, familyName);
    }

    public static byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }
}
