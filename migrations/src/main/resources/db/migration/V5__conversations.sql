-- Who sends: the administration and its services, kept in step with the configuration
-- (guichet.administration.*, guichet.services.*) at every start.
create table administration (
    id          bigint generated always as identity primary key,
    code        varchar(64)   not null unique,
    name        varchar(255)  not null
);

create table service (
    id                 bigint generated always as identity primary key,
    administration_id  bigint        not null references administration (id),
    code               varchar(64)   not null unique,
    name               varchar(255)  not null,
    commitment         varchar(255),
    email              varchar(320),
    phone              varchar(64),
    postal_address     varchar(512),
    calendar           varchar(64)   not null default 'default'
);

-- One official message to one recipient (one personal copy); its token is the reply path.
create table conversation (
    id                   bigint generated always as identity primary key,
    public_id            varchar(32)   not null unique,    -- the conversation id inside the reply token
    service_id           bigint        not null references service (id),
    queue_id             varchar(24)   not null,           -- spool message the copy came from
    sender               varchar(512)  not null,
    recipient            varchar(512)  not null,
    subject              text,
    original_message_id  varchar(998),
    final_message_id     varchar(998)  not null,
    reply_address        varchar(320)  not null,
    accepted_at          timestamptz   not null,           -- the gateway's clock when the application handed it over
    recorded_at          timestamptz   not null
);

create index conversation_final_message_id on conversation (final_message_id);
create index conversation_service_accepted on conversation (service_id, accepted_at);
