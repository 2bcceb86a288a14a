-- Issue 18: a monitoring member leaves the roster (deactivated by a supervisor): kept with their
-- ledger and observations, no longer filed for, their login (if any) disabled.
alter table monitoring_member add column deactivated_at timestamp with time zone;
alter table monitoring_member add column deactivated_by varchar(64);
