-- Incremental revocation reads (session 9): a cluster node reads only the revocations recorded since
-- its last read (TokenRevocations.refresh), no longer the whole table every few seconds. The time is
-- the database's, the one clock every node shares.
alter table revoked_token add column revoked_at timestamp with time zone default current_timestamp not null;
create index revoked_token_revoked_at on revoked_token (revoked_at);
