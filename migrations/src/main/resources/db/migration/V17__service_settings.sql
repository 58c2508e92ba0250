-- Services edited on the administration page (/admin/services). A service edited there keeps
-- its contact details at the next start instead of taking the configuration's again; a
-- disabled service takes no new official message under its name (they go to the default
-- service), and cannot be enabled while its acknowledgement lacks a mention that CRPA
-- R112-11-1 requires (postal address, phone). Its cases stay where they are.
alter table service add column enabled boolean not null default true;
alter table service add column edited_at timestamptz;
alter table service add column edited_by varchar(128);
