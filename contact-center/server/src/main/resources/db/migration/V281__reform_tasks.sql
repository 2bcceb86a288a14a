-- Issue 18: the reform board. A task on an issue (a hotspot cell, a burst or a complaint type) with
-- its cause, the ladder step it is on (from when its fix took effect), owner, due date, and one row
-- per change in reform_step. No personal data: issues are keys and codes, people are staff logins.
create table reform_task (
  id         varchar(36) primary key,
  issue_key  varchar(200) not null,
  type_code  varchar(64) not null,
  cause      varchar(16) not null,
  title      varchar(200) not null,
  owner      varchar(64) not null,
  due_on     date not null,
  step       integer not null,
  fixed_at   timestamp with time zone not null,
  closed_at  timestamp with time zone
);

create table reform_step (
  task_id varchar(36) not null references reform_task (id),
  seq     integer not null,
  step    integer not null,
  what    varchar(16) not null,
  author  varchar(64) not null,
  at      timestamp with time zone not null,
  note    varchar(2000),
  primary key (task_id, seq)
);
