package org.edurecords.ncp.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the verification page ({@code /verification}), in {@code messages/vmsg_en.properties} and its
 * translations; templates use them as {@code vmsg:key}. A bundle beside {@link Messages} because the Qute of
 * this Quarkus version cannot generate one bundle of more than 300 messages (docs/adr/0504 and 0006).
 */
@MessageBundle(value = "vmsg", locale = "en")
public interface VerificationMessages {

    @Message
    String verification_title();

    @Message
    String verification_intro();

    @Message
    String verification_file_label();

    @Message
    String verification_file_hint(int maxMegabytes);

    @Message
    String verification_paste_label();

    @Message
    String verification_paste_hint();

    @Message
    String verification_submit();

    @Message
    String verification_checks_heading();

    @Message
    String verification_checks_text();

    @Message
    String verification_checks_pdf();

    @Message
    String verification_checks_privacy();

    @Message
    String verification_problem_empty();

    @Message
    String verification_problem_both();

    @Message
    String verification_answer_title();

    @Message
    String verification_outcome_valid();

    @Message
    String verification_outcome_valid_text();

    @Message
    String verification_outcome_changed();

    @Message
    String verification_outcome_changed_text();

    @Message
    String verification_outcome_broken();

    @Message
    String verification_outcome_broken_text();

    @Message
    String verification_outcome_unsigned();

    @Message
    String verification_outcome_unsigned_text();

    @Message
    String verification_outcome_unknown_signer();

    @Message
    String verification_outcome_unknown_signer_text();

    @Message
    String verification_outcome_problem();

    @Message
    String verification_outcome_problem_text();

    @Message
    String verification_outcome_unreadable();

    @Message
    String verification_outcome_unreadable_text();

    @Message
    String verification_sealed_sentence(String organisation, String sealedAt);

    @Message
    String verification_claimed_signer(String signer);

    @Message
    String verification_sealed_by();

    @Message
    String verification_ncp();

    @Message
    String verification_certificate();

    @Message
    String verification_sealed_at();

    @Message
    String verification_checked();

    @Message
    String verification_checked_pdf();

    @Message
    String verification_checked_elmo();

    @Message
    String verification_document_id();

    @Message
    String verification_expired(String date);

    @Message
    String verification_expired_before_sealing(String date);

    @Message
    String verification_pdf_note();

    @Message
    String verification_pdf_learner(String name);

    @Message
    String verification_summary_heading();

    @Message
    String verification_issued_by(String issuer);

    @Message
    String verification_issue_date(String date);

    @Message
    String verification_table_caption(String issuer);

    @Message
    String verification_technical();

    @Message
    String verification_again();
}
