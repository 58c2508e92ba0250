-- An operator's "bounce" is carried out by the relay worker, which owns DSNs: the request
-- is recorded here first, so it survives a crash between the request and the DSN.
alter table spool_recipient add column bounce_requested boolean not null default false;
