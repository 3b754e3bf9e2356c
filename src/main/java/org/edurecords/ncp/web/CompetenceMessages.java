package org.edurecords.ncp.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of "My competence" (docs/competence.md), with the rules of {@link Messages}: English in
 * {@code messages/comp_en.properties}, bokmål, nynorsk and North Sámi beside it; templates use them as {@code comp:key}.
 */
@MessageBundle(value = "comp", locale = "en")
public interface CompetenceMessages {

    @Message
    String comp_heading();

    @Message
    String comp_intro();

    @Message
    String comp_kind_upper_secondary();

    @Message
    String comp_kind_vocational();

    @Message
    String comp_kind_licence();

    @Message
    String comp_kind_authorisation();

    @Message
    String comp_kind_recognition();

    @Message
    String comp_issuer();

    @Message
    String comp_issued_on();

    @Message
    String comp_number();

    @Message
    String comp_valid_from();

    @Message
    String comp_valid_to();

    @Message
    String comp_status();

    @Message
    String comp_status_valid();

    @Message
    String comp_status_suspended();

    @Message
    String comp_status_revoked();

    @Message
    String comp_status_expired();

    @Message
    String comp_status_since(String status, String date);

    @Message
    String comp_programme();

    @Message
    String comp_subject_code();

    @Message
    String comp_subject();

    @Message
    String comp_grade();

    @Message
    String comp_hours();

    @Message
    String comp_assessment();

    @Message
    String comp_assessment_overall();

    @Message
    String comp_assessment_exam();

    @Message
    String comp_assessment_written_exam();

    @Message
    String comp_assessment_oral_exam();

    @Message
    String comp_assessment_practical_exam();

    @Message
    String comp_grade_passed();

    @Message
    String comp_grade_failed();

    @Message
    String comp_grade_exempt();

    @Message
    String comp_email_credentials();

    @Message
    String comp_elmo_level_eqf4();

    @Message
    String comp_elmo_scale_1_6();

    @Message
    String comp_elmo_scale_pass_fail();

    @Message
    String comp_trade();

    @Message
    String comp_examining_board();

    @Message
    String comp_county();

    @Message
    String comp_category();

    @Message
    String comp_restrictions();

    @Message
    String comp_profession();

    @Message
    String comp_scheme();

    @Message
    String comp_foreign_qualification();

    @Message
    String comp_foreign_country();

    @Message
    String comp_decision();

    @Message
    String comp_equivalence();

    @Message
    String comp_credits_granted();

    @Message
    String comp_subjects_caption(String title);

    @Message
    String comp_categories_caption(String title);

    @Message
    String comp_status_when_shared(String date);

    @Message
    String comp_status_now();

    @Message
    String comp_status_unchanged();

    @Message
    String comp_status_gone();

    @Message
    String comp_shared_intro();

    @Message
    String comp_choose_heading();

    @Message
    String comp_download_evidence();

    @Message
    String comp_download_own();

    @Message
    String comp_verify_evidence(String url);

    @Message
    String comp_seal_text(String ncpName);

    @Message
    String comp_scale();

    @Message
    String comp_scale_1_6();

    @Message
    String comp_scale_pass_fail();

    @Message
    String comp_pdf_status_on(String date);

    @Message
    String comp_documents_pdf_sections();

    @Message
    String comp_documents_intro();

    @Message
    String comp_documents_pdf();
}
