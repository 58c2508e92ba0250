-- The durable spool (RFC 5321 §6.1: once 250 is sent for DATA, the message is ours to
-- deliver or bounce). A message is committed here before the client hears 250.

create table spool_message (
    id              bigint generated always as identity primary key,
    queue_id        varchar(24)   not null unique,
    sender          varchar(512)  not null,          -- envelope MAIL FROM; '' is the null sender
    recipients      text[]        not null,          -- envelope RCPT TO as accepted
    received_at     timestamptz   not null,          -- the gateway's own clock at 250
    client_address  varchar(64)   not null,
    helo            varchar(255),
    submitter       varchar(128),                    -- authenticated application; null when allow-listed
    size_bytes      integer       not null,
    raw             bytea         not null,
    stage           varchar(16)   not null,          -- pipeline | delivery | done
    processor       varchar(64)   not null default 'root',
    lease_owner     varchar(160),
    lease_until     timestamptz,
    error           text,
    constraint spool_message_stage_check check (stage in ('pipeline', 'delivery', 'done'))
);

create index spool_message_pipeline on spool_message (id) where stage = 'pipeline';
create index spool_message_received on spool_message (received_at);

-- One row per recipient still to deliver or delivered: delivery is per recipient.
create table spool_recipient (
    id               bigint generated always as identity primary key,
    message_id       bigint        not null references spool_message (id) on delete cascade,
    recipient        varchar(512)  not null,
    status           varchar(16)   not null,         -- queued | deferred | delivered | bounced | expired
    attempts         integer       not null default 0,
    next_attempt_at  timestamptz   not null,
    lease_owner      varchar(160),
    lease_until      timestamptz,
    last_reply       text,
    updated_at       timestamptz   not null,
    constraint spool_recipient_status_check
        check (status in ('queued', 'deferred', 'delivered', 'bounced', 'expired'))
);

create index spool_recipient_due on spool_recipient (next_attempt_at) where status in ('queued', 'deferred');
create index spool_recipient_message on spool_recipient (message_id);

-- Every delivery attempt, so that an at-least-once duplicate can be seen.
create table delivery_attempt (
    id            bigint generated always as identity primary key,
    recipient_id  bigint        not null references spool_recipient (id) on delete cascade,
    attempted_at  timestamptz   not null,
    node          varchar(160)  not null,
    next_hop      varchar(255),
    outcome       varchar(16)   not null,            -- delivered | deferred | bounced | expired
    reply         text
);

create index delivery_attempt_recipient on delivery_attempt (recipient_id);

-- Applications allowed to submit with SMTP AUTH; passwords are stored as hashes only.
create table submission_account (
    id             bigint generated always as identity primary key,
    username       varchar(128)  not null unique,
    password_hash  varchar(255)  not null,
    description    varchar(255),
    enabled        boolean       not null default true,
    created_at     timestamptz   not null
);

-- People who use the web UI and REST API.
create table web_account (
    id             bigint generated always as identity primary key,
    username       varchar(128)  not null unique,
    password_hash  varchar(255)  not null,
    roles          varchar(255)  not null,           -- comma separated: OPERATOR, AGENT, SUPERVISOR, AUDITOR
    enabled        boolean       not null default true,
    created_at     timestamptz   not null
);
