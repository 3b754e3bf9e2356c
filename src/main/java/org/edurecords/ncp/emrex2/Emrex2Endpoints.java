package org.edurecords.ncp.emrex2;

import java.util.List;

/** The EMREX 2.0 endpoints' paths and the evidence types and data formats this provider offers. */
public final class Emrex2Endpoints {

    public static final String AUTHORIZE = "/oauth2/authorize";
    public static final String TOKEN = "/oauth2/token";
    public static final String RESULTS = "/results";
    public static final String PING = "/emrex2/ping";

    /** The one evidence type so far: the higher-education results of the learner register and its sources. */
    public static final String HIGHER_EDUCATION_RESULTS = "higher-education-results";
    public static final List<String> EVIDENCE_TYPES = List.of(HIGHER_EDUCATION_RESULTS);

    /** {@code data_format} → the versions served ({@code null}: the format has no version). */
    public static final String ELMO = "elmo";
    public static final String ELMO_VERSION = "1.7";
    public static final String USERINFO = "userinfo";
    public static final String PDF_METADATA = "pdf_metadata";
    public static final String PDF = "pdf";

    private Emrex2Endpoints() {
    }
}
