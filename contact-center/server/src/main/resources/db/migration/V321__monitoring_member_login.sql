-- Issue 18: a citizen monitoring member may sign in with a login of their own (role MONITOR):
-- the member whose login it is. Members without one are filed for by supervisors as before.
alter table monitoring_member add column login varchar(64);
create unique index monitoring_member_login on monitoring_member (login);
