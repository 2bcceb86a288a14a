-- Idempotency keys of POST /api/v1/contacts (issue 11): a retry of an intake post whose answer was
-- lost (a 503 while the commit was in flight, a broken connection) finds the first answer here
-- instead of opening a second contact. One row per (caller scope, client key), written in the
-- contact's own transaction; body_sha256 tells a repeat from a different request under the same
-- key. Rows live until expires_at (onenumber.intake.idempotency-ttl, 24 h) and are then swept.
-- scope: 'anonymous' or the authenticated caller's name (login or API key).
create table intake_key (
  scope        varchar(160) not null,
  idem_key     varchar(128) not null,
  body_sha256  char(64)     not null,
  contact_id   varchar(36)  not null,
  answer       text         not null,
  expires_at   timestamp with time zone not null,
  primary key (scope, idem_key)
);
create index intake_key_expires on intake_key (expires_at);
