-- Signed checkpoints of the event log: the number of events and the chain's hash after them,
-- signed with the node's Ed25519 key and mailed to auditors and published. A rewrite of the
-- whole chain, consistent as it may be, no longer gives the hash of a checkpoint held outside
-- the database (guichet audit verify --checkpoints). Append-only, like the log itself.
create table event_log_checkpoint (
    id          bigint generated always as identity primary key,
    event_count bigint       not null,
    head_hash   bytea        not null,             -- SHA-256 of the chain after event_count events
    signed_at   timestamptz  not null,             -- the gateway's clock when it was signed
    key_id      varchar(8)   not null,             -- hex of the 4-byte id of the signing key
    note        text         not null,             -- the signed checkpoint, as sent and published
    constraint event_log_checkpoint_count_check check (event_count >= 0)
);

create index event_log_checkpoint_signed_at on event_log_checkpoint (signed_at);

create function event_log_checkpoint_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'event_log_checkpoint is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger event_log_checkpoint_append_only
    before update or delete on event_log_checkpoint
    for each row execute function event_log_checkpoint_append_only();

create trigger event_log_checkpoint_no_truncate
    before truncate on event_log_checkpoint
    for each statement execute function event_log_checkpoint_append_only();
