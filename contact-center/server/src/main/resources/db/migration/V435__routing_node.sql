-- The live nodes of a cluster (issue 11, routing partitions): each node's heartbeat moves its
-- seen_until on (now + the lease's time to live); a node counts the rows not yet past it to know how
-- many partitions it should hold (ceil(partitions / live nodes)). Runs on H2 (MODE=PostgreSQL) and
-- PostgreSQL 15; only the cluster (PostgreSQL) writes it.
create table routing_node (
  node       varchar(128) primary key,
  seen_until timestamp with time zone not null
);
