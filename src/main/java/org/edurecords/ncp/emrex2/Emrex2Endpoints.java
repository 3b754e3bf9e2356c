package org.edurecords.ncp.emrex2;

import java.util.List;

import org.edurecords.ncp.competence.CompetenceEvidence;
import org.edurecords.ncp.competence.EvidenceType;

/** The EMREX 2.0 endpoints' paths and the evidence types and data formats this provider offers. */
public final class Emrex2Endpoints {

    public static final String AUTHORIZE = "/oauth2/authorize";
    public static final String TOKEN = "/oauth2/token";
    public static final String RESULTS = "/results";
    public static final String PING = "/emrex2/ping";

    /** The evidence types offered ({@code scope}, EMREG {@code availableEvidenceTypes}): {@link EvidenceType}. */
    public static final List<String> EVIDENCE_TYPES = EvidenceType.words();

    /** {@code data_format} → the versions served ({@code null}: the format has no version). */
    public static final String ELMO = "elmo";
    public static final String ELMO_VERSION = "1.7";
    public static final String USERINFO = "userinfo";
    public static final String PDF_METADATA = "pdf_metadata";
    public static final String PDF = "pdf";
    /** The JSON evidence of credentials (docs/competence.md), for the kinds ELMO does not carry and all others. */
    public static final String COMPETENCE = CompetenceEvidence.FORMAT;
    public static final String COMPETENCE_VERSION = CompetenceEvidence.VERSION;
    public static final String COMPETENCE_SCHEMA_PATH = "/schemas/competence-evidence-1.0.schema.json";

    private Emrex2Endpoints() {
    }
}
