package org.edurecords.ncp.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the case workers' pages of receivers (docs/receivers.md), with the rules of {@link Messages}: English
 * in {@code messages/cw_en.properties}, bokmål, nynorsk and North Sámi beside it; templates use them as
 * {@code cw:key}.
 */
@MessageBundle(value = "cw", locale = "en")
public interface CaseWorkerMessages {

    @Message
    String cw_login_title();

    @Message
    String cw_login_intro();

    @Message
    String cw_login_oidc(String provider);

    @Message
    String cw_login_username();

    @Message
    String cw_login_password();

    @Message
    String cw_login_demo_hint();

    @Message
    String cw_login_button();

    @Message
    String cw_login_wrong();

    @Message
    String cw_login_no_role();

    @Message
    String cw_login_unavailable();

    @Message
    String cw_list_title(String receiver);

    @Message
    String cw_list_caption(int count);

    @Message
    String cw_list_empty();

    @Message
    String cw_filter_status();

    @Message
    String cw_filter_outcome();

    @Message
    String cw_filter_any();

    @Message
    String cw_filter_button();

    @Message
    String cw_col_case();

    @Message
    String cw_col_status();

    @Message
    String cw_col_outcome();

    @Message
    String cw_col_created();

    @Message
    String cw_col_answers();

    @Message
    String cw_col_condition();

    @Message
    String cw_col_verdict();

    @Message
    String cw_col_detail();

    @Message
    String cw_col_results();

    @Message
    String cw_status_waiting();

    @Message
    String cw_status_in_progress();

    @Message
    String cw_status_received();

    @Message
    String cw_status_evaluated();

    @Message
    String cw_status_expired();

    @Message
    String cw_status_cancelled();

    @Message
    String cw_outcome_met();

    @Message
    String cw_outcome_not_met();

    @Message
    String cw_outcome_needs_review();

    @Message
    String cw_logout();

    @Message
    String cw_back(String receiver);

    @Message
    String cw_request_title(String caseReference);

    @Message
    String cw_profile();

    @Message
    String cw_review_heading();

    @Message
    String cw_verdicts_heading();

    @Message
    String cw_answers_heading();

    @Message
    String cw_answers_none();

    @Message
    String cw_answer_waiting();

    @Message
    String cw_answer_verification(String verdict);

    @Message
    String cw_answer_learner(String match);

    @Message
    String cw_answer_document();

    @Message
    String cw_answer_pdf();

    // The case workers' page for a request that is unknown or of another receiver (404)

    @Message
    String cw_unknown_title();

    @Message
    String cw_unknown_text(String receiver);

    @Message
    String cw_credentials_heading();

    @Message
    String cw_col_credential();

    @Message
    String cw_col_kind();

    @Message
    String cw_col_issuer();

    @Message
    String cw_col_valid_to();

    @Message
    String cw_answer_competence();
}
