-- Retention of the audit trail (issue 12, privacy): when the sweep removes the oldest audit rows, it
-- records here the id and hash of the last row it removed, so that JdbcAuditLog.verify starts the
-- chain from that hash instead of from the genesis value and the remaining trail still verifies.
create table audit_anchor (
  id           integer primary key,
  last_removed bigint      not null,
  hash         varchar(64) not null,
  removed_at   timestamp with time zone not null
);
