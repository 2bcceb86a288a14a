-- Ownership of routing partitions among cluster nodes (issue 11): one row per partition (a queue),
-- held by one node until expires_at; a node takes an expired lease and increments epoch, and every
-- routing write of the owner checks its (owner, epoch) in the same transaction, so a node that lost
-- the lease can never write a decision. Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
create table routing_lease (
  partition_id varchar(64)  primary key,
  owner        varchar(128) not null,
  epoch        bigint       not null,
  expires_at   timestamp with time zone not null
);
