-- Issue 18: the contacts and cases that show a reform task's problem, picked from the category's
-- drill-down on the reform board. Only ids are stored; the board shows anonymised rows and audits
-- each view.
create table reform_task_link (
  task_id   varchar(36) not null references reform_task (id),
  kind      varchar(8)  not null,
  record_id varchar(36) not null,
  linked_by varchar(64) not null,
  linked_at timestamp with time zone not null,
  primary key (task_id, kind, record_id)
);
