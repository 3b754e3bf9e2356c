package org.edurecords.ncp.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text the pages show. English is in {@code messages/msg_en.properties}, Norwegian bokmål in
 * {@code messages/msg_nb.properties}; templates use them as {@code msg:key}.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Messages {

    @Message
    String app_name();

    @Message
    String skip_to_content();

    /** The name of the bundle's language in that language, as the language menu shows it. */
    @Message
    String language_name();

    @Message
    String language_menu();

    @Message
    String footer_text();

    @Message
    String go_home();

    @Message
    String home_title();

    @Message
    String home_intro();

    @Message
    String home_integrators();

    @Message
    String home_integrators_text(String entryUrl);

    @Message
    String home_demo_heading();

    @Message
    String home_demo_text();

    @Message
    String home_demo_link();

    @Message
    String entry_invalid_title();

    @Message
    String entry_invalid_intro();

    @Message
    String entry_invalid_advice();

    @Message
    String entry_get_title();

    @Message
    String entry_get_text();

    @Message
    String problem_sessionId_missing();

    @Message
    String problem_sessionId_ambiguous();

    @Message
    String problem_sessionId_tooLong();

    @Message
    String problem_sessionId_invalid();

    @Message
    String problem_sessionId_blank();

    @Message
    String problem_returnUrl_missing();

    @Message
    String problem_returnUrl_ambiguous();

    @Message
    String problem_returnUrl_tooLong();

    @Message
    String problem_returnUrl_malformed();

    @Message
    String problem_returnUrl_notAbsolute();

    @Message
    String problem_returnUrl_userInfo();

    @Message
    String problem_returnUrl_port();

    @Message
    String problem_returnUrl_notHttps();

    @Message
    String problem_returnUrl_hostNotAllowed();

    @Message
    String problem_body_unreadable();

    @Message
    String flow_requested_by(String receiver);

    @Message
    String flow_cancel(String receiver);

    @Message
    String flow_problem_loginUnavailable();

    @Message
    String flow_problem_unknownFlow();

    @Message
    String flow_problem_otherBrowser();

    @Message
    String flow_notice_loginAgain();

    @Message
    String flow_notice_loginNotCompleted();

    @Message
    String problem_title();

    @Message
    String login_title();

    @Message
    String login_demo_heading();

    @Message
    String login_demo_hint();

    @Message
    String login_username();

    @Message
    String login_password();

    @Message
    String login_submit();

    @Message
    String login_failed();

    @Message
    String login_no_method();

    @Message
    String select_title();

    @Message
    String select_intro(String learnerName);

    @Message
    String select_nothing_selected();

    @Message
    String select_show_all();

    @Message
    String select_show_passed();

    @Message
    String select_all_institution(String institution);

    @Message
    String select_all_group();

    @Message
    String select_table_caption(String institution);

    @Message
    String select_continue();

    @Message
    String col_select();

    @Message
    String col_code();

    @Message
    String col_title();

    @Message
    String col_date();

    @Message
    String col_grade();

    @Message
    String col_credits();

    @Message
    String col_status();

    @Message
    String status_passed();

    @Message
    String status_failed();

    @Message
    String status_in_progress();

    @Message
    String total_credits();

    @Message
    String preview_title();

    @Message
    String preview_recipient_intro();

    @Message
    String preview_recipient_origin(String origin);

    @Message
    String preview_learner();

    @Message
    String learner_name();

    @Message
    String learner_birth_date();

    @Message
    String preview_pdf_note();

    @Message
    String preview_confirm(String receiver);

    @Message
    String preview_change();

    @Message
    String answer_title();

    @Message
    String answer_text(String receiver);

    @Message
    String answer_button(String receiver);

    @Message
    String closed_title();

    @Message
    String closed_ANSWERED();

    @Message
    String closed_CANCELLED();

    @Message
    String closed_EXPIRED();

    @Message
    String closed_RECEIVED();

    @Message
    String closed_AUTHENTICATED();

    @Message
    String closed_SELECTED();

    @Message
    String closed_advice();

    @Message
    String demo_title();

    @Message
    String demo_intro();

    @Message
    String demo_session();

    @Message
    String demo_return();

    @Message
    String demo_start();

    @Message
    String demo_result_title();

    @Message
    String demo_return_code();

    @Message
    String demo_return_message();

    @Message
    String demo_checks();

    @Message
    String demo_check_session();

    @Message
    String demo_check_decoded();

    @Message
    String demo_check_schema();

    @Message
    String demo_check_signature();

    @Message
    String demo_check_ok();

    @Message
    String demo_check_failed();

    @Message
    String demo_learner();

    @Message
    String demo_institution_credits();

    @Message
    String demo_transcript();

    @Message
    String demo_again();

    @Message
    String demo_no_document();

    @Message
    String demo_unknown_session();

    @Message
    String error_not_found();

    @Message
    String error_method();

    @Message
    String error_bad_request();

    @Message
    String error_internal();

    @Message
    String error_csrf();

    @Message
    String error_too_large();

    @Message
    String error_unsupported_media_type();

    @Message
    String error_not_acceptable();

    @Message
    String error_json_invalid();

    @Message
    String error_rate_limited();

    @Message
    String error_unavailable();

    // --- live result sources: completeness on the selection page

    @Message
    String source_unreachable_title();

    @Message
    String source_stored_here();

    @Message
    String source_unreachable_advice();

    @Message
    String source_reason_complete();

    @Message
    String source_reason_timed_out();

    @Message
    String source_reason_unavailable();

    @Message
    String source_reason_invalid_data();

    @Message
    String source_reason_register_stale();

    // --- student authentication and the portal

    @Message
    String auth_login_with(String label);

    @Message
    String auth_failure_CANCELLED();

    @Message
    String auth_failure_PROVIDER_ERROR();

    @Message
    String auth_failure_MISSING_ATTRIBUTE();

    @Message
    String auth_failure_UNTRUSTED_SOURCE();

    @Message
    String portal_title();

    @Message
    String portal_login_intro();

    @Message
    String portal_logout();

    @Message
    String portal_results_intro();

    @Message
    String portal_no_results_title();

    @Message
    String portal_no_results_text();

    @Message
    String portal_no_results_advice();

    @Message
    String portal_home_link();

    @Message
    String portal_logged_in_as(String name);

    // --- disclosure ledger (ledger)

    @Message
    String portal_ledger_link();

    @Message
    String ledger_title();

    @Message
    String ledger_intro();

    @Message
    String ledger_download();

    @Message
    String ledger_download_json();

    @Message
    String ledger_download_csv();

    @Message
    String ledger_empty();

    @Message
    String ledger_caption(String name);

    @Message
    String ledger_col_time();

    @Message
    String ledger_col_event();

    @Message
    String ledger_col_recipient();

    @Message
    String ledger_col_results();

    @Message
    String ledger_link_unlabelled();

    @Message
    String ledger_no_results();

    @Message
    String ledger_result_count(int count);

    @Message
    String ledger_document(String id);

    @Message
    String ledger_back();

    @Message
    String ledger_kind_EMREX_TRANSFER();

    @Message
    String ledger_kind_LINK_CREATED();

    @Message
    String ledger_kind_LINK_VIEWED();

    @Message
    String ledger_kind_LINK_LOCKED();

    @Message
    String ledger_kind_LINK_DEACTIVATED();

    @Message
    String ledger_kind_LINK_SNAPSHOT_DELETED();

    @Message
    String ledger_outcome_OK();

    @Message
    String ledger_outcome_CANCEL();

    @Message
    String ledger_outcome_ERROR();

    @Message
    String ledger_outcome_NO_RESULTS();

    @Message
    String ledger_outcome_OTHER();

    // --- share by link (docs/sharing.md)

    @Message
    String portal_share_link();

    @Message
    String portal_my_links();

    @Message
    String share_col_select();

    @Message
    String share_select_title();

    @Message
    String share_select_intro();

    @Message
    String share_back_to_results();

    @Message
    String share_preview_title();

    @Message
    String share_preview_intro();

    @Message
    String share_preview_changed();

    @Message
    String share_preview_documents();

    @Message
    String share_settings_heading();

    @Message
    String share_validity_legend();

    @Message
    String share_validity_1();

    @Message
    String share_validity_7();

    @Message
    String share_validity_30();

    @Message
    String share_validity_90();

    @Message
    String share_validity_180();

    @Message
    String share_validity_365();

    @Message
    String share_language_legend();


    @Message
    String share_label_label();

    @Message
    String share_label_hint();

    @Message
    String share_create();

    @Message
    String share_change_selection();

    @Message
    String share_problem_validity();

    @Message
    String share_problem_language();

    @Message
    String share_problem_label();

    @Message
    String share_problem_signing();

    @Message
    String share_problem_no_such_link();

    @Message
    String share_created_title();

    @Message
    String share_created_once();

    @Message
    String share_created_link();

    @Message
    String share_created_code();

    @Message
    String share_created_advice();

    @Message
    String share_col_label();

    @Message
    String share_col_created();

    @Message
    String share_col_expires();

    @Message
    String share_col_language();

    @Message
    String share_col_views();

    @Message
    String share_col_action();

    @Message
    String share_my_links();

    @Message
    String share_new_link();

    @Message
    String share_already_title();

    @Message
    String share_already_text();

    @Message
    String share_links_title();

    @Message
    String share_links_intro();

    @Message
    String share_links_deactivated();

    @Message
    String share_links_none();

    @Message
    String share_no_label();

    @Message
    String share_locked_until(String time);

    @Message
    String share_wrong_codes_recent(long count);

    @Message
    String share_deactivate();

    @Message
    String share_deactivate_named(String name);

    @Message
    String share_ledger_link();

    @Message
    String share_status_ACTIVE();

    @Message
    String share_status_LOCKED();

    @Message
    String share_status_EXPIRED();

    @Message
    String share_status_DEACTIVATED();

    @Message
    String share_recipient_code_title();

    @Message
    String share_recipient_code_intro();

    @Message
    String share_recipient_code_label();

    @Message
    String share_recipient_code_hint();

    @Message
    String share_recipient_open();

    @Message
    String share_recipient_wrong_code(int attemptsLeft);

    @Message
    String share_recipient_unavailable_title();

    @Message
    String share_recipient_locked(String until);

    @Message
    String share_recipient_wait(String until);

    @Message
    String share_recipient_deactivated();

    @Message
    String share_recipient_expired();

    @Message
    String share_recipient_unknown();

    @Message
    String share_recipient_no_pdf();

    @Message
    String share_recipient_title();

    @Message
    String share_recipient_intro(String ncpName, String created, String expires);

    @Message
    String share_recipient_missing();

    @Message
    String share_recipient_downloads();

    @Message
    String share_recipient_download_pdf();

    @Message
    String share_recipient_download_elmo();

    @Message
    String share_recipient_document_id(String documentId);

    @Message
    String share_recipient_verify_heading();

    @Message
    String share_recipient_verify_pdf();

    @Message
    String share_recipient_verify_elmo(String publicUrl);

    @Message
    String share_recipient_verify_keys(String publicUrl);

    @Message
    String detail_term();

    @Message
    String detail_level();

    @Message
    String detail_language();

    @Message
    String detail_hours(String hours);

    @Message
    String col_details();

    // --- verification page and recipients (feature: verifypage); the page's own texts are in VerificationMessages

    @Message
    String verification_home_link();

    @Message
    String verification_busy();

    @Message
    String share_recipient_shared_by(String owner);

    @Message
    String share_recipient_person_heading();

    @Message
    String share_recipient_seal_heading();

    @Message
    String share_recipient_seal_text(String ncpName);

    @Message
    String share_recipient_verify_link(String verifyUrl);

    @Message
    String share_recipient_verify_technical();

    // ---- Selection, whole qualifications, no results, partial results, institutions (feature: selection)

    @Message
    String institution_now(String then, String now);

    @Message
    String parts_selected_only(int included, int total);

    @Message
    String select_group_programme();

    @Message
    String select_group_part();

    @Message
    String select_summary(int count, String credits);

    @Message
    String preview_summary(int count, String credits);

    @Message
    String select_failed_hint();

    @Message
    String source_retry();

    @Message
    String source_retry_advice();

    @Message
    String source_missing_preview();

    @Message
    String noresults_title();

    @Message
    String noresults_text(String receiver);

    @Message
    String noresults_help_heading();

    @Message
    String noresults_help_account();

    @Message
    String noresults_help_recent();

    @Message
    String noresults_help_contact();

    @Message
    String noresults_button(String receiver);

    @Message
    String demo_missing_heading();


    // --- EMREX 2.0 in the ledger

    @Message
    String ledger_kind_EMREX2_RETRIEVAL();
}
