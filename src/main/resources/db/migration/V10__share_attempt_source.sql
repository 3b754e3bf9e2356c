-- Wrong access codes are counted per network as well as per link (docs/adr/0604): a stranger holding the URL
-- makes only their own network wait, not the recipient. The network (IPv4 /24, IPv6 /64) is personal data, so
-- only a keyed hash of it is stored, keyed with the link's id: the same network gives a different value on every
-- link. Rows from before this migration have none and count only towards the link's total; the purge job removes
-- every row once it has left the window.
alter table share_link_attempt add column source varchar(64);
create index share_link_attempt_source on share_link_attempt(link_id, source, attempted_at);
