-- API keys for integration clients (issue 12): issued and revoked by administrators, each with
-- scopes (contacts:create, open311:write, cases:read) and its own rate limit. The key itself is
-- never stored: key_hash is its SHA-256 in hex, key_prefix its first characters for telling keys
-- apart. Every use is in audit_log (actor apikey:<id>).
create table api_key (
  id            varchar(100) primary key,
  name          varchar(200) not null,
  key_hash      varchar(64) not null unique,
  key_prefix    varchar(16) not null,
  scopes        varchar(500) not null,
  per_minute    integer not null,
  department_id varchar(64),
  created_by    varchar(100) not null,
  created_at    timestamp with time zone not null,
  revoked_by    varchar(100),
  revoked_at    timestamp with time zone
);

-- Open311 client applications keep their id (open311_request.client_id points at it) but their
-- keys move here, as keys with the open311:write scope; open311_client.key_hash is no longer read.
insert into api_key (id, name, key_hash, key_prefix, scopes, per_minute, created_by, created_at)
  select id, name, key_hash, '', 'open311:write', 120, 'V170', created_at
  from open311_client where key_hash not like 'none:%';
alter table open311_client alter column key_hash drop not null;
update open311_client set key_hash = null;
