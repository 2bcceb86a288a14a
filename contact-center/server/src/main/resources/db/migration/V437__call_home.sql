-- Which node is a browser call's home (issue 11, fencing a frozen home): the node that starts or rebuilds
-- a call writes a new random claim here, voiding the one before; a home that was frozen or cut off while
-- another node took its call over finds its claim gone and gives the call up. A call's row is deleted when
-- it ends at its home. Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15; only the cluster writes it.
create table call_home (
  contact_id varchar(36) primary key,
  claim      varchar(64) not null,
  node       varchar(128) not null,
  claimed_at timestamp with time zone not null
);
