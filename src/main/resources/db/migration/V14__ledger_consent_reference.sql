-- EMREX 2.0: the reference id (ref_id) of the consent a ledger row records, or that a retrieval used; null otherwise.
-- The consent itself is deleted with its document; the ledger keeps what it was.
alter table disclosure_event add column reference varchar(64);
