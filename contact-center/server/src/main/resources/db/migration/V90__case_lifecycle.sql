-- Case lifecycle (issue 14): every row of a case's append-only history says what it records
-- (kind), what the citizen is told (public_note) besides the internal note, and the kind's fact
-- (detail: departments of a reassignment, the other case of a merge). case_file.version is the
-- number of history rows, checked on every update (optimistic concurrency); assignee is who
-- accepted the case in its current department.
alter table case_status add column kind varchar(16) default 'STATUS' not null;
alter table case_status add column public_note varchar(4000);
alter table case_status add column detail varchar(200);
alter table case_file add column version integer default 1 not null;
alter table case_file add column assignee varchar(64);
update case_file set version = (select count(*) from case_status s where s.case_id = case_file.id);
create index case_file_inbox on case_file (department_id, status, due_at);
create index case_file_assignee on case_file (department_id, assignee, due_at);
create index case_file_due on case_file (due_at, status);
create index case_file_citizen on case_file (citizen_id, opened_at);
