-- Cases: a citizen's reply becomes a case that a person must answer. Its messages keep the
-- queue id of the spool row holding the raw bytes (evidence); its events form an
-- append-only, hash-chained log from which SLA figures are recomputed.

-- What a reply to a closed case does, per service: 'reopen' the case, or open a new case
-- 'link'ed to it. Not written by the service directory's upsert at start: it keeps its
-- default until the service's settings screen or an operator sets it.
alter table service add column closed_case_reply varchar(8) not null default 'reopen';
alter table service add constraint service_closed_case_reply_check check (closed_case_reply in ('reopen', 'link'));

-- Case references GCH-<year>-<number>, numbered from 1 each year; the row lock taken by the
-- increment makes numbers unique across nodes without gaps from rolled-back transactions.
create table case_reference_counter (
    year        integer  primary key,
    last_value  bigint   not null
);

create table citizen_case (
    id                bigint generated always as identity primary key,
    reference         varchar(32)   not null unique,
    service_id        bigint        not null references service (id),
    conversation_id   bigint        references conversation (id),   -- null when opened without a token
    citizen_address   varchar(512)  not null,
    status            varchar(8)    not null default 'open',
    unthreaded        boolean       not null default false,       -- nothing tied the first message to Guichet's mail
    priority          varchar(8)    not null default 'normal',
    opened_at         timestamptz   not null,                      -- the gateway's reception time of its first message
    closed_at         timestamptz,
    linked_case_id    bigint        references citizen_case (id),  -- the closed case a reply reached, for a linked case
    constraint citizen_case_status_check check (status in ('open', 'closed')),
    constraint citizen_case_priority_check check (priority in ('low', 'normal', 'high', 'urgent')),
    constraint citizen_case_closed_check check ((status = 'closed') = (closed_at is not null))
);

create index citizen_case_conversation on citizen_case (conversation_id);
create index citizen_case_linked on citizen_case (linked_case_id);
create index citizen_case_queue on citizen_case (service_id, status, opened_at);

create table case_message (
    id                bigint generated always as identity primary key,
    case_id           bigint        not null references citizen_case (id),
    direction         varchar(8)    not null,
    author_kind       varchar(16)   not null,
    third_party       boolean       not null default false,        -- written from another address than the citizen's
    threaded_by       varchar(24),                                 -- how an inbound message found its case
    from_address      varchar(512)  not null,
    subject           text,
    message_id        varchar(998),
    in_reply_to       varchar(998),
    queue_id          varchar(24)   not null unique,               -- spool_message holding the raw bytes; one message per spool row
    received_at       timestamptz   not null,                      -- the gateway's clock at SMTP reception (or transmission)
    visible_text      text          not null,
    sanitised_html    text,
    automatic_reason  varchar(64),
    constraint case_message_direction_check check (direction in ('inbound', 'outbound')),
    constraint case_message_author_check
        check (author_kind in ('citizen', 'third_party', 'automatic', 'agent', 'acknowledgement')),
    constraint case_message_threading_check
        check (threaded_by is null or threaded_by in ('TOKEN', 'HEADER', 'SUBJECT_REFERENCE', 'UNTHREADED'))
);

create index case_message_case on case_message (case_id, received_at);
create index case_message_message_id on case_message (message_id);

-- One chain over every event, in id order: each event stores the hash of the one before it
-- (32 zero bytes for the first). hash = SHA-256(prev_hash || canonical bytes of the event's
-- case reference, seq, type, occurred_at and payload), see org.guichet.casework.EventLog.
create table case_event (
    id           bigint generated always as identity primary key,
    case_id      bigint        not null references citizen_case (id),
    seq          integer       not null,                           -- 1, 2, 3… within the case
    type         varchar(32)   not null,
    occurred_at  timestamptz   not null,                           -- the gateway's clock, never a user's
    payload      jsonb         not null,
    prev_hash    bytea         not null,
    hash         bytea         not null unique,
    constraint case_event_seq_unique unique (case_id, seq)
);

-- The end of the chain. Appenders lock this row (select … for update), so the chain stays a
-- line across nodes; verification compares the last event with it, so a deleted tail shows.
create table case_event_chain (
    id             smallint  primary key default 1,
    last_event_id  bigint,
    last_hash      bytea     not null,
    event_count    bigint    not null default 0,
    constraint case_event_chain_one_row check (id = 1)
);

insert into case_event_chain (id, last_event_id, last_hash, event_count)
values (1, null, decode(repeat('00', 32), 'hex'), 0);

-- Append-only: nobody, the application included, may change or remove an event. A superuser
-- can still disable the trigger; the hash chain is what shows it afterwards.
create function case_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'case_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger case_event_append_only
    before update or delete on case_event
    for each row execute function case_event_append_only();

create trigger case_event_no_truncate
    before truncate on case_event
    for each statement execute function case_event_append_only();
