-- A login that reached the database but whose answer never reached the browser (an instance stopped mid-request)
-- must not strand the flow: the browser secret from before the login is kept until the next step proves that the
-- new one arrived. And an identity provider's error answer ends a flow only with the attempt token of the login
-- the browser really started (its hash), so a link cannot end somebody's transfer.
alter table emrex_session add column previous_browser_key varchar(64);
alter table emrex_session add column login_attempt varchar(64);
