-- Text conversations (issue 5): SMS, MMS, WhatsApp and web chat messages. Runs unchanged on H2
-- (MODE=PostgreSQL) and PostgreSQL 15. provider_id is Twilio's MessageSid or a chat client's
-- message id; its uniqueness is what makes redelivered webhooks harmless.
create table message (
  id          varchar(36)  primary key,
  contact_id  varchar(36)  references contact (id),
  channel     varchar(16)  not null,
  direction   varchar(3)   not null,
  peer        varchar(254) not null,
  author      varchar(64),
  body        varchar(4000) not null,
  media       varchar(4000),
  provider_id varchar(128) unique,
  status      varchar(16)  not null,
  error       varchar(500),
  at          timestamp with time zone not null
);
create index message_contact on message (contact_id, at);

-- A web chat conversation a browser can resume with its token, across reconnects and restarts.
create table chat_session (
  token      varchar(64)  primary key,
  handle     varchar(64)  not null unique,
  language   varchar(8)   not null,
  contact_id varchar(36)  references contact (id),
  created_at timestamp with time zone not null
);

