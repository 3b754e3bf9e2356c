-- An EMREX 2.0 retrieval looks up the transfer's ledger row by its signed document's id (the results it disclosed);
-- without an index that is a scan of the whole ledger, which only ever grows.
create index disclosure_event_document on disclosure_event(document_id);
