package org.edurecords.ncp.receiving;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The strict reader of competence evidence and the format's JSON Schema give the same verdict: a valid document of
 * every kind is read, and each change below is refused by both, the reader naming the path.
 */
class CompetenceReaderTest {

    static final String VALID = ("{'format':'competence','version':'1.0','issuedAt':'2026-12-02T10:00:00Z',"
            + "'issuer':{'name':'EMREX NCP','url':'https://ncp.example.org'},"
            + "'learner':{'givenNames':'Dagny','familyName':'Utsi','birthDate':'1990-03-05'},'credentials':["
            + "{'id':'a','kind':'authorisation','title':{'en':'Authorisation'},'issuer':{'name':'Hdir','country':'NO',"
            + "'id':'983544622'},'issuedOn':'2014-01-10','number':'9876543','validFrom':'2014-01-10','status':'revoked',"
            + "'statusSince':'2023-09-01','history':[{'status':'valid','since':'2014-01-10'},{'status':'revoked',"
            + "'since':'2023-09-01','reason':'x'}],'details':{'profession':{'en':'Health worker'},'scheme':'HPR'}},"
            + "{'id':'l','kind':'licence','title':{'nb':'Førerkort'},'issuer':{'name':'SVV'},'status':'valid',"
            + "'details':{'categories':[{'category':'B','validFrom':'2016-05-10','validTo':'2066-05-10',"
            + "'restrictions':['78']}]}},"
            + "{'id':'r','kind':'recognition','title':{'en':'Recognition'},'issuer':{'name':'HK-dir'},'status':'valid',"
            + "'details':{'foreignQualification':{'en':'BSc'},'foreignCountry':'GB','decision':{'en':'Equal'},"
            + "'equivalence':'bachelor','creditsGranted':180}},"
            + "{'id':'u','kind':'upper-secondary','title':{'nb':'Vitnemål'},'issuer':{'name':'Oslo katedralskole'},"
            + "'status':'valid','details':{'programme':{'nb':'Studiespesialisering'},'subjects':[{'code':'ENG1007',"
            + "'grade':'6','scale':'1-6','hours':140,'assessment':'overall'},{'title':{'nb':'Kroppsøving'},"
            + "'grade':'passed','scale':'pass-fail'}]}},"
            + "{'id':'v','kind':'vocational','title':{'nb':'Svennebrev'},'issuer':{'name':'Fylket'},'status':'valid',"
            + "'details':{'trade':{'nb':'Tømrer'},'examiningBoard':'Prøvenemnda','county':'Troms'}}]}").replace('\'', '"');

    @Test
    void aValidDocumentOfEveryKindIsRead() throws Exception {
        assertTrue(schema().validate(VALID, InputFormat.JSON).isEmpty(), "the example is valid by the schema");
        CompetenceReader.Evidence evidence = CompetenceReader.read(VALID.getBytes(StandardCharsets.UTF_8));
        assertEquals(new CompetenceReader.Learner("Dagny", "Utsi", "1990-03-05"), evidence.learner());
        assertEquals(5, evidence.credentials().size());
        ReceivedResults.Credential authorisation = evidence.credentials().get(0);
        assertEquals("c1", authorisation.id());
        assertEquals("a", authorisation.providerId());
        assertEquals("revoked", authorisation.status());
        assertEquals(2, authorisation.history().size());
        assertEquals("NO", authorisation.issuer().country());
        assertEquals("HPR", authorisation.details().path("scheme").asText());
        assertEquals("c5", evidence.credentials().get(4).id());
    }

    @Test
    void anExemptSubjectIsReadOnEitherScale() throws Exception {
        // A diploma subject the learner was exempted from (ADR 0873), as this service's own evidence writes it.
        String exempt = VALID.replace("\"grade\":\"6\"", "\"grade\":\"exempt\"")
                .replace("\"grade\":\"passed\"", "\"grade\":\"exempt\"");
        assertTrue(!exempt.equals(VALID));
        assertTrue(schema().validate(exempt, InputFormat.JSON).isEmpty(), "valid by the schema");
        ReceivedResults.Credential diploma = CompetenceReader.read(exempt.getBytes(StandardCharsets.UTF_8))
                .credentials().get(3);
        assertEquals("exempt", diploma.details().path("subjects").get(0).path("grade").asText());
        assertEquals("exempt", diploma.details().path("subjects").get(1).path("grade").asText());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "'format':'competence'              | 'format':'elmo'                 | $.format",
        "'version':'1.0'                    | 'version':'1.1'                 | $.version",
        "'issuer':{'name':'EMREX NCP',      | 'issuer':{'name':'',            | $.issuer.name",
        "'givenNames':'Dagny',              | 'givenNames':'Dagny','x':1,     | $.learner.x",
        "'kind':'authorisation'             | 'kind':'passport'               | $.credentials[0].kind",
        "'status':'revoked','statusSince'   | 'status':'lost','statusSince'   | $.credentials[0].status",
        "'title':{'en':'Authorisation'}     | 'title':{}                      | $.credentials[0].title",
        "'country':'NO'                     | 'country':'no'                  | $.credentials[0].issuer.country",
        "'scheme':'HPR'                     | 'scheme':'HPR','trade':{'nb':'x'} | $.credentials[0].details.trade",
        "'profession':{'en':'Health worker'}, | 'professions':{'en':'x'},      | $.credentials[0].details.profession",
        "'categories':[{'category':'B',     | 'categories':[{'category':'',   | $.credentials[1].details.categories[0].category",
        "'restrictions':['78']              | 'restrictions':[78]             | $.credentials[1].details.categories[0].restrictions[0]",
        "'creditsGranted':180               | 'creditsGranted':-1             | $.credentials[2].details.creditsGranted",
        "'foreignCountry':'GB'              | 'foreignCountry':'UK1'          | $.credentials[2].details.foreignCountry",
        "'grade':'6'                        | 'grade':'7'                     | $.credentials[3].details.subjects[0].grade",
        "'grade':'passed'                   | 'grade':'6'                     | $.credentials[3].details.subjects[1].grade",
        "'hours':140                        | 'hours':1.5                     | $.credentials[3].details.subjects[0].hours",
        "'assessment':'overall'             | 'assessment':'essay'            | $.credentials[3].details.subjects[0].assessment",
        "{'code':'ENG1007',                 | {                               | $.credentials[3].details.subjects[0]",
        "'trade':{'nb':'Tømrer'},           | 'board':'x',                    | $.credentials[4].details.trade",
        "'history':[{'status':'valid',      | 'history':[{'state':'valid',    | $.credentials[0].history[0]",
    })
    void whatTheSchemaRefusesTheReaderRefusesWithItsPath(String from, String to, String path) throws Exception {
        String json = VALID.replace(from.replace('\'', '"'), to.replace('\'', '"'));
        assertTrue(!json.equals(VALID), "the change applies: " + from);
        assertTrue(!schema().validate(json, InputFormat.JSON).isEmpty(), "the schema refuses it");
        CompetenceReader.Malformed e = assertThrows(CompetenceReader.Malformed.class,
                () -> CompetenceReader.read(json.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().startsWith(path), e.getMessage());
    }

    @Test
    void notJsonADuplicateKeyAndDatesThatAreNoDatesAreRefused() {
        for (String bad : new String[] {"not json", "[]", VALID.replace("\"format\":\"competence\",",
                "\"format\":\"competence\",\"format\":\"competence\","), VALID.replace("2014-01-10", "2014-13-10"),
                VALID.replace("2026-12-02T10:00:00Z", "yesterday")}) {
            assertThrows(CompetenceReader.Malformed.class, () -> CompetenceReader.read(bad.getBytes(StandardCharsets.UTF_8)),
                    bad);
        }
    }

    private static Schema schema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("schemas/competence-evidence-1.0.schema.json"))) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        }
    }
}
