-- Answers (the knowledge base) and their version history. Runs unchanged on H2 (MODE=PostgreSQL)
-- and PostgreSQL 15. The Lucene index is derived from these tables and rebuilt from them.
-- keywords and synonyms are newline-separated lists. A facility is optional (all five columns
-- null or all set).

create table answer (
  id               varchar(64) primary key,
  external_id      varchar(300),
  version          integer not null,
  status           varchar(16) not null,
  title            varchar(500) not null,
  body             text not null,
  language         varchar(8) not null,
  department       varchar(300) not null,
  category         varchar(300) not null,
  keywords         varchar(4000) not null,
  synonyms         varchar(4000) not null,
  audience         varchar(16) not null,
  valid_from       timestamp with time zone,
  valid_until      timestamp with time zone,
  facility_lat     double precision,
  facility_lon     double precision,
  facility_address varchar(500),
  facility_hours   varchar(500),
  facility_type    varchar(64),
  author           varchar(64) not null,
  changed_at       timestamp with time zone not null
);
create unique index answer_external_id on answer (external_id);
create index answer_status_until on answer (status, valid_until);

create table answer_version (
  answer_id        varchar(64) not null references answer (id),
  version          integer not null,
  change_kind      varchar(32) not null,
  status           varchar(16) not null,
  title            varchar(500) not null,
  body             text not null,
  language         varchar(8) not null,
  department       varchar(300) not null,
  category         varchar(300) not null,
  keywords         varchar(4000) not null,
  synonyms         varchar(4000) not null,
  audience         varchar(16) not null,
  valid_from       timestamp with time zone,
  valid_until      timestamp with time zone,
  facility_lat     double precision,
  facility_lon     double precision,
  facility_address varchar(500),
  facility_hours   varchar(500),
  facility_type    varchar(64),
  external_id      varchar(300),
  author           varchar(64) not null,
  changed_at       timestamp with time zone not null,
  primary key (answer_id, version)
);
