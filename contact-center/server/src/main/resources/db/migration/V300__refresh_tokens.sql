-- Refresh tokens (issue 12): a login's long-lived refresh token, stored as its SHA-256 only. Every
-- refresh spends the presented token and issues the next one of the same family; a spent token
-- presented again revokes the whole family (reuse detection). Logout revokes the family; disabling
-- an account revokes every family of its login and refuses its logins and tokens.
create table refresh_token (
  token_hash  varchar(64) primary key,
  family_id   varchar(36) not null,
  login       varchar(64) not null,
  issued_at   timestamp with time zone not null,
  expires_at  timestamp with time zone not null,
  spent_at    timestamp with time zone,
  revoked_at  timestamp with time zone,
  revoked_why varchar(32)
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_login on refresh_token (login);

alter table account add column disabled_at timestamp with time zone;
