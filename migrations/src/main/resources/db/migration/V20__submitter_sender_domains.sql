-- The domains a submitting application may send as (envelope sender and From), comma-separated;
-- empty for any domain, as before. Guichet signs with DKIM the From domain of what it accepts, so
-- an application limited to its own domains cannot have another service's mail signed.
alter table submission_account add column sender_domains text not null default '';
