-- Issue 18: quality evaluation (the mystery shopper). Forms of weighted criteria configured by
-- supervisors (criteria as "code|name|weight" joined by ';'), and one row per evaluator's scores of
-- a contact (points as "code=points" joined by ';'); several rows of one contact are a calibration.
create table quality_form (
  id         varchar(64) primary key,
  name       varchar(200) not null,
  max_points integer not null,
  criteria   varchar(4000) not null
);
insert into quality_form (id, name, max_points, criteria) values ('standard', 'Mystery shopper', 5,
  'greeting|Greeting|1;accuracy|Accuracy|2;empathy|Empathy|1;resolution|Resolution|2;compliance|Compliance|1');

create table quality_evaluation (
  form_id    varchar(64) not null references quality_form (id),
  contact_id varchar(36) not null references contact (id),
  operator   varchar(64),
  evaluator  varchar(64) not null,
  points     varchar(2000) not null,
  percent    double precision not null,
  at         timestamp with time zone not null,
  primary key (form_id, contact_id, evaluator)
);
create index quality_evaluation_operator on quality_evaluation (operator, at);
