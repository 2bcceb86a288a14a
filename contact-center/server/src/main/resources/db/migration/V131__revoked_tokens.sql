-- Logout and token refresh (issue 12, item 6): the id (jti) of every access token revoked before its
-- expiry. TokenRevocations keeps them in memory and checks every request; a row is dropped once the
-- token it names has expired anyway.
create table revoked_token (
  jti        varchar(64) primary key,
  expires_at timestamp with time zone not null
);
