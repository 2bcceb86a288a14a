-- Issue 14: each audit row names the hash it chains to; no two rows may chain to the same one, so an
-- append from a writer whose idea of the last hash is stale (another node appended meanwhile) fails
-- instead of forking the chain, and the writer reads the last hash again (JdbcAuditLog). Rows stored
-- before this version keep it empty (verify never needed it: it walks the rows in id order).
alter table audit_log add column previous_hash varchar(64);
create unique index audit_log_previous_hash on audit_log (previous_hash);
