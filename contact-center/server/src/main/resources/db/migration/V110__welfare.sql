-- The welfare-call program (issue 16): enrolled seniors, planned weeks, attempts and escalations.
-- Lists inside a senior (phones, windows, emergency contacts) are kept as short delimited text:
-- they are read and written only whole, with the senior.
create table welfare_senior (
  id                  varchar(64)  primary key,
  name                varchar(200) not null,
  phones              varchar(400) not null,
  address             varchar(500) not null,
  district            varchar(100) not null,
  language            varchar(8)   not null,
  consent_calls       boolean      not null,
  consent_sms         boolean      not null,
  consent_sharing     boolean      not null,
  consent_emergency   boolean      not null,
  consent_by          varchar(200) not null,
  consent_at          timestamp with time zone not null,
  emergency_contacts  varchar(2000) not null,
  worker              varchar(200) not null,
  worker_phone        varchar(20),
  windows             varchar(1000) not null,
  check_in_mode       varchar(16)  not null,
  care_notes          varchar(2000) not null,
  enrolled_on         date         not null,
  ends_on             date
);
create index welfare_senior_district on welfare_senior (district);

create table welfare_senior_phone (
  phone     varchar(20) primary key,
  senior_id varchar(64) not null references welfare_senior (id)
);

create table welfare_week (
  monday     date primary key,
  planned_at timestamp with time zone not null
);

create table welfare_attempt (
  id          varchar(36) primary key,
  senior_id   varchar(64) not null references welfare_senior (id),
  call_day    date        not null,
  attempt_no  integer     not null,
  due_at      timestamp with time zone not null,
  check_in_mode varchar(16) not null,
  state       varchar(16) not null,
  contact_id  varchar(36) unique,
  started_at  timestamp with time zone,
  outcome     varchar(16),
  ended_at    timestamp with time zone
);
create index welfare_attempt_due on welfare_attempt (state, due_at);
create index welfare_attempt_senior on welfare_attempt (senior_id, state);
create index welfare_attempt_day on welfare_attempt (call_day);

create table welfare_streak (
  senior_id varchar(64) primary key references welfare_senior (id),
  unreached integer     not null
);

create table welfare_escalation (
  attempt_id  varchar(36) primary key references welfare_attempt (id),
  senior_id   varchar(64) not null,
  reason      varchar(16) not null,
  contact_id  varchar(36) not null,
  decided_at  timestamp with time zone not null,
  case_id     varchar(40),
  done        boolean     not null
);
