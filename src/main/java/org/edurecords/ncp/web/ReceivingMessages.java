package org.edurecords.ncp.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The texts of the applicant's pages of a results request (docs/receivers.md), with the rules of {@link Messages}:
 * English in {@code messages/rcv_en.properties}, bokmål, nynorsk and North Sámi beside it; templates use them as
 * {@code rcv:key}. A bundle of its own, as every feature's texts beyond the first bundles (ADR 0008).
 */
@MessageBundle(value = "rcv", locale = "en")
public interface ReceivingMessages {

    @Message
    String rcv_title(String receiver);

    @Message
    String rcv_intro(String receiver, String caseReference);

    @Message
    String rcv_purpose_heading();

    @Message
    String rcv_profile_heading();

    @Message
    String rcv_choose_legend();

    @Message
    String rcv_choose_hint();

    @Message
    String rcv_this_ncp(String name);

    @Message
    String rcv_continue();

    @Message
    String rcv_redirect_title(String provider);

    @Message
    String rcv_redirect_text(String provider);

    @Message
    String rcv_redirect_button(String provider);

    @Message
    String rcv_arrived_title(String receiver);

    @Message
    String rcv_arrived_received(String provider, String receiver);

    @Message
    String rcv_arrived_not_verified(String provider, String receiver);

    @Message
    String rcv_arrived_no_results(String provider, String receiver);

    @Message
    String rcv_arrived_cancelled(String provider, String receiver);

    @Message
    String rcv_arrived_error(String provider);

    @Message
    String rcv_more();

    @Message
    String rcv_done(String receiver);

    @Message
    String rcv_done_close();

    @Message
    String rcv_sent_heading();

    @Message
    String rcv_unknown_title();

    @Message
    String rcv_unknown_text();

    @Message
    String rcv_closed_expired(String receiver);

    @Message
    String rcv_closed_cancelled(String receiver);

    @Message
    String rcv_invalid_choice();

    @Message
    String rcv_record_note();

    @Message
    String rcv_trip_ok();

    @Message
    String rcv_trip_no_results();

    @Message
    String rcv_trip_cancel();

    @Message
    String rcv_trip_error();

    /** How this NCP's own pages and ledger name a receiver of ours with its case (read through TextBundle). */
    @Message
    String rcv_recipient_case(String receiver, String caseReference);
}
