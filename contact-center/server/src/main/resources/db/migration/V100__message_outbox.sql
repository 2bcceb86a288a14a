-- Outbound messages not yet handed to their provider (issue 11): retried with backoff and jitter
-- while the provider fails retriably, kept with dead_lettered_at set after the last attempt so
-- supervisors see what was given up. One row per message; a message with a provider id is never
-- sent again. Runs unchanged on H2 (MODE=PostgreSQL) and PostgreSQL 15.
create table message_outbox (
  message_id       varchar(36)   primary key references message (id),
  attempts         integer       not null,
  next_attempt_at  timestamp with time zone not null,
  last_error       varchar(500),
  dead_lettered_at timestamp with time zone
);
create index message_outbox_due on message_outbox (dead_lettered_at, next_attempt_at);
