-- Routing configuration per queue (issue 3): the QueueConfig fields the directory's work_queue
-- row does not hold, as one JSON document (strategy, steps, wrap-up, offer timeout, calendar...).
-- A queue without a row routes with the defaults. Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
create table routing_queue_config (
  queue_id   varchar(64) primary key,
  config     varchar(20000) not null,
  updated_at timestamp with time zone not null
);
