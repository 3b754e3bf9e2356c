-- A trip may go to an NCP over EMREX 2.0: the protocol, the PKCE code verifier kept until the redirect back (the
-- trip's id is the OAuth2 state), and the check of the provider's X-Signature over the document it returned.
alter table receiver_answer add column protocol varchar(8) default '1.0' not null;
alter table receiver_answer add column code_verifier varchar(128);
alter table receiver_answer add column transport_signature varchar(1000);
-- The NCP's message with an error or a cancel (or what went wrong fetching the answer), for the case worker.
alter table receiver_answer add column return_message varchar(500);
