-- Issue 18: citizen monitoring members (a volunteer roster), the observations they file and the
-- mileage points an accepted observation earns (mileage_entry is the ledger; a balance is its sum).
create table monitoring_member (
  id        varchar(36) primary key,
  name      varchar(100) not null,
  joined_at timestamp with time zone not null
);

create table member_observation (
  id          varchar(36) primary key,
  member_id   varchar(36) not null references monitoring_member (id),
  task_id     varchar(36),
  text        varchar(2000) not null,
  status      varchar(16) not null,
  points      integer not null,
  filed_at    timestamp with time zone not null,
  decided_at  timestamp with time zone,
  decided_by  varchar(64)
);
create index member_observation_member on member_observation (member_id, filed_at);

create table mileage_entry (
  member_id      varchar(36) not null references monitoring_member (id),
  observation_id varchar(36) not null references member_observation (id),
  points         integer not null,
  at             timestamp with time zone not null,
  primary key (member_id, observation_id)
);
