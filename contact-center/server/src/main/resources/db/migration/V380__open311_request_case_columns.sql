-- Open311 GET requests (issue 14) shows each request's case: its GeoReport status, department,
-- due date, last change and latest public note. Reading them by joining case_file and case_status
-- for every row cost three index lookups per listed request (and, for status=open, a case_file
-- lookup for each of the ~2.5 closed-or-open rows per result); the 1,000-result window took
-- 15-40 ms inside PostgreSQL on 1,000,000 cases. They are kept on the request row instead, written
-- in the same transaction as the case (JdbcCaseRegistry.save/update and JdbcOpen311Store.save),
-- and open311_request_status serves "status=open|closed in a date window, newest first" as one
-- ordered index range.
alter table open311_request add column geo_status varchar(6) default 'open' not null;
alter table open311_request add column case_department_id varchar(64);
alter table open311_request add column case_due_at timestamp with time zone;
alter table open311_request add column case_updated_at timestamp with time zone;
alter table open311_request add column case_status_notes varchar(4000);

update open311_request r set
  geo_status = coalesce((select case when f.status in ('RESOLVED', 'REJECTED', 'CLOSED', 'MERGED') then 'closed'
    else 'open' end from case_file f where f.id = r.service_request_id), 'open'),
  case_department_id = (select f.department_id from case_file f where f.id = r.service_request_id),
  case_due_at = (select f.due_at from case_file f where f.id = r.service_request_id),
  case_updated_at = (select u.at from case_file f join case_status u on u.case_id = f.id and u.seq = f.version - 1
    where f.id = r.service_request_id),
  case_status_notes = (select n.public_note from case_status n where n.case_id = r.service_request_id
    and n.seq = (select max(m.seq) from case_status m where m.case_id = r.service_request_id
      and m.public_note is not null));

create index open311_request_status on open311_request (geo_status, requested_at, service_request_id);
