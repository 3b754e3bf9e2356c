package org.edurecords.ncp.support;

/** ELMO documents as an institution's endpoint would send them, written by hand, independent of the builder. */
public final class InstitutionElmo {

    private InstitutionElmo() {
    }

    /** A valid ELMO v1.7 document with one passed course of the given institution for the given learner. */
    public static String valid(String schac, String institutionName, String nationalIdentifier, String courseCode,
            String courseTitle) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">
                  <generatedDate>2025-01-31T12:00:00Z</generatedDate>
                  <learner>
                    <identifier type="nationalIdentifier">%s</identifier>
                    <givenNames>Anna Kristine</givenNames>
                    <familyName>Sørbø-Łukasiewicz</familyName>
                    <bday>1998-04-17</bday>
                  </learner>
                  <report>
                    <issuer>
                      <identifier type="schac">%s</identifier>
                      <title xml:lang="en">%s</title>
                      <url>https://%s/</url>
                    </issuer>
                    <learningOpportunitySpecification>
                      <identifier type="local">%s</identifier>
                      <title xml:lang="en">%s</title>
                      <type>Course</type>
                      <specifies>
                        <learningOpportunityInstance>
                          <start>2023-08-15</start>
                          <date>2023-12-15</date>
                          <status>passed</status>
                          <gradingSchemeLocalId>AF</gradingSchemeLocalId>
                          <resultLabel>B</resultLabel>
                          <credit>
                            <scheme>ects</scheme>
                            <value>7.5</value>
                          </credit>
                        </learningOpportunityInstance>
                      </specifies>
                    </learningOpportunitySpecification>
                    <issueDate>2025-01-31T12:00:00Z</issueDate>
                    <gradingScheme localId="AF">
                      <description xml:lang="en">A to E pass, F fail.</description>
                    </gradingScheme>
                  </report>
                </elmo>
                """.formatted(nationalIdentifier, schac, institutionName, schac, courseCode, courseTitle);
    }

    /** An external entity that would read a local file if the parser resolved it. */
    public static String xxe() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE elmo [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
                <elmo xmlns="https://github.com/emrex-eu/elmo-schemas/tree/v1">
                  <generatedDate>2025-01-31T12:00:00Z</generatedDate>
                  <learner><givenNames>&secret;</givenNames><familyName>X</familyName></learner>
                </elmo>
                """;
    }

    /** Nested entities that expand to gigabytes ("billion laughs"). */
    public static String billionLaughs() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            String previous = "&lol" + (i - 1) + ";";
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(previous.repeat(10)).append("\">");
        }
        return "<?xml version=\"1.0\"?>\n<!DOCTYPE elmo [" + dtd + "]>\n"
                + "<elmo xmlns=\"https://github.com/emrex-eu/elmo-schemas/tree/v1\"><learner><givenNames>&lol9;</givenNames>"
                + "</learner></elmo>";
    }
}
