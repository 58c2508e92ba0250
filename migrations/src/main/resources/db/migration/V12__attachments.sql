-- Attachments of citizens' messages: what the citizen sent, stored for agents to download,
-- within size and type limits (guichet.attachments.*). A refused attachment is recorded too,
-- without its bytes, with the reason: the agent sees that something was sent, and its hash
-- says which bytes; the raw message in the spool (evidence) still holds them.
create table case_attachment (
    id               bigint generated always as identity primary key,
    case_message_id  bigint        not null references case_message (id),
    position         integer       not null,                  -- 1, 2, 3… in MIME order within the message
    file_name        varchar(255)  not null,                  -- sanitised: a name, never a path
    declared_type    varchar(255)  not null,                  -- the sender's Content-Type, lower case, without parameters
    detected_type    varchar(255)  not null,                  -- from the bytes (magic numbers), never from the name
    inline           boolean       not null default false,    -- an image the message's HTML shows by cid: (RFC 2392)
    content_id       varchar(998),
    size             bigint        not null,                  -- decoded bytes
    sha256           bytea         not null,                  -- of the decoded bytes, stored or not
    content          bytea,                                   -- null when refused
    stored_at        timestamptz   not null,                  -- the gateway's clock
    refused_reason   varchar(32),
    constraint case_attachment_position_unique unique (case_message_id, position),
    constraint case_attachment_refused_check check ((refused_reason is null) = (content is not null)),
    constraint case_attachment_reason_check check (refused_reason is null or refused_reason in
        ('too-large', 'message-too-large', 'type-not-allowed', 'executable', 'unreadable')),
    constraint case_attachment_sha256_check check (octet_length(sha256) = 32),
    constraint case_attachment_size_check check (size >= 0)
);

-- Stored once, read whole: PostgreSQL would otherwise try to compress images and PDFs again.
alter table case_attachment alter column content set storage external;
