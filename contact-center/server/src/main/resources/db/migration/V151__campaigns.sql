-- notification campaigns (issue 16 item 6): a supervisor's SMS to an audience resolved once at
-- creation; each recipient is a row claimed before its message goes out (PENDING -> SENDING ->
-- SENT/FAILED/SKIPPED, then DELIVERED/FAILED from status callbacks). H2 (MODE=PostgreSQL) and PostgreSQL 15.
create table campaign (
  id             varchar(36) primary key,
  name           varchar(200) not null,
  body           varchar(480) not null,
  audience_kind  varchar(32) not null,
  audience_value varchar(200) not null,
  send_at        timestamp with time zone not null,
  per_second     integer not null check (per_second between 1 and 100),
  state          varchar(16) not null,
  created_by     varchar(64) not null,
  created_at     timestamp with time zone not null
);
create index campaign_due on campaign (state, send_at);

create table campaign_recipient (
  campaign_id varchar(36) not null references campaign (id),
  seq         integer not null,
  phone       varchar(32) not null,
  state       varchar(16) not null,
  provider_id varchar(64),
  primary key (campaign_id, seq)
);
create index campaign_recipient_state on campaign_recipient (campaign_id, state, seq);
create index campaign_recipient_provider on campaign_recipient (provider_id);
