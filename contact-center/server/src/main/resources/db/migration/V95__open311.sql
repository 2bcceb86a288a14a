-- Open311 GeoReport v2 (issue 14): client applications and their api_keys, the service catalogue
-- (a department's category under a service_code), and the requests filed through the API, each
-- the case of the same id. The key itself is never stored: key_hash is its SHA-256 in hex.

create table open311_client (
  id         varchar(100) primary key,
  name       varchar(200) not null,
  key_hash   varchar(64) not null unique,
  created_at timestamp with time zone not null
);

create table open311_service (
  code          varchar(100) primary key,
  name          varchar(200) not null,
  description   varchar(1000),
  keywords      varchar(1000),
  service_group varchar(200),
  department_id varchar(64) not null references department (id),
  category      varchar(200) not null,
  position      integer not null
);

-- service_request_id is the case id; the case holds status, due date and history.
create table open311_request (
  service_request_id varchar(32) primary key,
  token              varchar(64) not null unique,
  client_id          varchar(100) not null references open311_client (id),
  service_code       varchar(100) not null,
  contact_id         varchar(36) not null,
  requested_at       timestamp with time zone not null,
  lat                double precision,
  lon                double precision,
  address            varchar(1000),
  address_id         varchar(200),
  description        varchar(4000),
  media_url          varchar(2000),
  attributes         varchar(8000)
);
create index open311_request_requested on open311_request (requested_at);
create index open311_request_service on open311_request (service_code, requested_at);

-- The city's own /report/ page files as this client. Its key_hash is no SHA-256 (it has a colon),
-- so no api_key can ever match it.
insert into open311_client (id, name, key_hash, created_at)
values ('web-form', 'The city''s /report/ page', 'none:web-form', current_timestamp);
