-- Pictures a channel links to, to be fetched into case attachments (issue 14): an MMS's media
-- links and an Open311 request's media_url. One row per link, stored before the channel is
-- acknowledged; the worker claims a due row by moving next_at (compare-and-set), then marks it
-- DONE (the attachment has the row's id) or FAILED with the reason, or leaves it PENDING for a
-- later try. origin is unique, so a channel's retry never queues a link twice. Runs unchanged on
-- H2 (MODE=PostgreSQL) and PostgreSQL 15.
create table media_fetch (
  id          varchar(36)   primary key,
  origin      varchar(120)  not null unique,
  case_id     varchar(32)   references case_file (id),
  contact_id  varchar(64),
  url         varchar(2000) not null,
  source      varchar(20)   not null,
  state       varchar(10)   not null,
  attempts    integer       not null,
  next_at     timestamp with time zone not null,
  error       varchar(300),
  created_at  timestamp with time zone not null
);
create index media_fetch_due on media_fetch (state, next_at);
create index media_fetch_case on media_fetch (case_id);
