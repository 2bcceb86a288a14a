-- happy-call (issue 16 item 5): one SMS satisfaction survey per resolved contact, and the
-- supervisors' follow-up tasks for low scores. The answer itself goes to survey_answer (V30).
-- Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
create table happy_call (
  contact_id varchar(36) primary key references contact (id),
  citizen_id varchar(64) not null,
  due_at     timestamp with time zone not null,
  state      varchar(16) not null,
  phone      varchar(32),
  sent_at    timestamp with time zone,
  score      integer check (score between 1 and 5),
  answered_at timestamp with time zone
);
create index happy_call_due on happy_call (state, due_at);
create index happy_call_citizen on happy_call (citizen_id, sent_at);
create index happy_call_phone on happy_call (phone, state);

create table happy_follow_up (
  contact_id varchar(36) primary key references happy_call (contact_id),
  score      integer not null,
  opened_at  timestamp with time zone not null
);
create index happy_follow_up_opened on happy_follow_up (opened_at);
