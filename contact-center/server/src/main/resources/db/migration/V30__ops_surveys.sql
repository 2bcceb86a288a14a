-- ops (issue 6): post-contact survey answers, the source of satisfaction and survey-confirmed
-- first-contact resolution. One answer per contact; runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
create table survey_answer (
  contact_id varchar(36) primary key references contact (id),
  resolved   boolean not null,
  score      integer not null check (score between 1 and 5),
  at         timestamp with time zone not null
);
create index survey_answer_at on survey_answer (at);
