package org.edurecords.ncp.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * More texts of the pages, e-mails and exports, with the same rules as {@link Messages}: English in
 * {@code messages/more_en.properties}, bokmål, nynorsk and North Sámi beside it; templates use them as {@code more:key}.
 * A second bundle because Quarkus 3.33 cannot start with more than 300 messages in one bundle (its generated
 * lookup is split into groups of 300, and the call from one group to the next is broken: quarkusio/quarkus#55584,
 * fixed in later versions; docs/adr/0008).
 */
@MessageBundle(value = "more", locale = "en")
public interface MoreMessages {

    // --- sending a link, my own documents, exports and times, help and statements

    @Message
    String share_copy();

    @Message
    String share_copied();

    @Message
    String share_email_title();

    @Message
    String share_email_label();

    @Message
    String share_email_hint();

    @Message
    String share_email_send();

    @Message
    String share_email_no_code();

    @Message
    String share_email_no_code_created();

    @Message
    String share_email_invalid();

    @Message
    String share_email_failed();

    @Message
    String share_email_too_many();

    @Message
    String share_email_not_active();

    @Message
    String share_email_sent_title();

    @Message
    String share_email_sent(String address);

    @Message
    String share_email_sent_code();

    @Message
    String share_email_link();

    @Message
    String share_email_subject(String sender);

    @Message
    String share_email_greeting();

    @Message
    String share_email_intro(String sender, String ncpName);

    @Message
    String share_email_code(String sender);

    @Message
    String share_email_valid(String expires);

    @Message
    String share_email_footer(String ncpName, String publicUrl);

    @Message
    String ledger_kind_LINK_EMAILED();

    @Message
    String ledger_emailed_to(String address);

    @Message
    String portal_documents_heading();

    @Message
    String portal_documents_intro();

    @Message
    String portal_documents_pdf();

    @Message
    String portal_documents_elmo();

    @Message
    String portal_documents_unavailable_title();

    @Message
    String portal_documents_unavailable();

    @Message
    String ledger_csv_time();

    @Message
    String ledger_csv_event();

    @Message
    String ledger_csv_recipient();

    @Message
    String ledger_csv_return_code();

    @Message
    String ledger_csv_share_link();

    @Message
    String ledger_csv_document();

    @Message
    String ledger_csv_label();

    @Message
    String ledger_csv_result_count();

    @Message
    String ledger_csv_results();

    @Message
    String footer_nav();

    @Message
    String footer_help();

    @Message
    String footer_privacy();

    @Message
    String footer_accessibility();

    @Message
    String footer_contact();

    @Message
    String home_integrators_endpoint();

    @Message
    String home_integrators_guide();

    @Message
    String home_integrators_help();

    @Message
    String login_demo_hint_intro();

    @Message
    String login_demo_account(String username, String password);

    @Message
    String duration_days(String count);

    @Message
    String duration_hours(String count);

    @Message
    String duration_minutes(String count);

    @Message
    String duration_seconds(String count);

    @Message
    String contact_title();

    @Message
    String contact_intro();

    @Message
    String contact_operator();

    @Message
    String contact_email();

    @Message
    String contact_phone();

    @Message
    String contact_web();

    @Message
    String contact_no_email();

    @Message
    String contact_results_heading();

    @Message
    String contact_results_text();

    @Message
    String contact_more_heading();

    @Message
    String help_title();

    @Message
    String help_intro();

    @Message
    String help_q_what();

    @Message
    String help_a_what();

    @Message
    String help_q_send();

    @Message
    String help_a_send();

    @Message
    String help_q_share();

    @Message
    String help_a_share();

    @Message
    String help_q_email();

    @Message
    String help_a_email();

    @Message
    String help_q_documents();

    @Message
    String help_a_documents();

    @Message
    String help_q_ledger();

    @Message
    String help_a_ledger();

    @Message
    String help_q_end();

    @Message
    String help_a_end();

    @Message
    String help_q_wrong();

    @Message
    String help_a_wrong();

    @Message
    String help_q_receivers();

    @Message
    String help_a_receivers();

    @Message
    String help_endpoint();

    @Message
    String help_registry();

    @Message
    String help_verifier();

    @Message
    String help_q_more();

    @Message
    String help_a_more();

    @Message
    String privacy_title();

    @Message
    String privacy_intro(String operator);

    @Message
    String privacy_stored_heading();

    @Message
    String privacy_stored_results();

    @Message
    String privacy_stored_login(String idle, String absolute);

    @Message
    String privacy_stored_flows(String expiry, String retention);

    @Message
    String privacy_stored_links(String maxValidity, String grant);

    @Message
    String privacy_stored_snapshots_after(String period);

    @Message
    String privacy_stored_snapshots_at_once();

    @Message
    String privacy_stored_attempts(String window);

    @Message
    String privacy_stored_ledger(String period);

    @Message
    String privacy_stored_email(String period);

    @Message
    String privacy_not_stored();

    @Message
    String privacy_who_heading();

    @Message
    String privacy_who_you();

    @Message
    String privacy_who_receivers();

    @Message
    String privacy_who_recipients();

    @Message
    String privacy_who_operator();

    @Message
    String privacy_ledger_heading();

    @Message
    String privacy_ledger_text();

    @Message
    String privacy_erasure_heading();

    @Message
    String privacy_erasure_text();

    @Message
    String privacy_complaint_heading();

    @Message
    String privacy_complaint_text();

    @Message
    String a11y_title();

    @Message
    String a11y_intro();

    @Message
    String a11y_status_heading();

    @Message
    String a11y_status();

    @Message
    String a11y_done_heading();

    @Message
    String a11y_done_forms();

    @Message
    String a11y_done_keyboard();

    @Message
    String a11y_done_contrast();

    @Message
    String a11y_done_reflow();

    @Message
    String a11y_done_scan();

    @Message
    String a11y_limits_heading();

    @Message
    String a11y_limit_audit();

    @Message
    String a11y_limit_scan();

    @Message
    String a11y_limit_documents();

    @Message
    String a11y_limit_languages();

    @Message
    String a11y_report_heading();

    @Message
    String a11y_report_text();

    @Message
    String a11y_authority_heading();

    @Message
    String a11y_authority_text();

    @Message
    String a11y_authority_link();

    // --- EMREX 2.0: a refused authorization request

    @Message
    String emrex2_refused_title();

    @Message
    String emrex2_refused_text();

    @Message
    String emrex2_refused_unknownClient();

    @Message
    String emrex2_refused_redirect();

    // --- the demo client's EMREX 2.0 mode

    @Message
    String demo2_heading_v1();

    @Message
    String demo2_heading();

    @Message
    String demo2_intro();

    @Message
    String demo2_client_id();

    @Message
    String demo2_redirect_uri();

    @Message
    String demo2_start();

    @Message
    String demo2_error();

    @Message
    String demo2_error_description();

    @Message
    String demo2_token_response();

    @Message
    String demo2_token_hidden();

    @Message
    String demo2_calls();

    @Message
    String demo2_check_state();

    @Message
    String demo2_check_token();

    @Message
    String demo2_check_results();

    @Message
    String demo2_check_xml_signature();

    @Message
    String demo2_check_x_signature();

    @Message
    String demo2_check_pdf();

    @Message
    String demo2_check_exchange();
}
