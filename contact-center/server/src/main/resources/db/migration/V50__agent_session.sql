-- Issue 11: agent sessions survive a restart. One row per logged-in agent, written in the same
-- transaction as the routing decisions that changed it; a restart logs these agents back in.
create table agent_session (
  agent_id      varchar(64) primary key references agent (id),
  queues        varchar(1000) not null,
  state         varchar(32) not null,
  break_reason  varchar(200),
  max_messaging integer not null,
  updated_at    timestamp with time zone not null
);
