-- Issue 18: stored categories (a complaint type code of the city's tree, never the citizen's words).
-- contact_disposition: the type the operator chose at wrap-up; it replaces the classifier's guess in
-- FCR, reports, the reform board and the export. case_category: each case's type, carried from its
-- contact's disposition (CONTACT), classified from the citizen's words (AUTOMATIC) or corrected by
-- department staff or a supervisor (STAFF).
create table contact_disposition (
  contact_id varchar(36) primary key references contact (id),
  type_code  varchar(64) not null,
  chosen_by  varchar(64) not null,
  chosen_at  timestamp with time zone not null
);

create table case_category (
  case_id    varchar(32) primary key references case_file (id),
  type_code  varchar(64) not null,
  source     varchar(16) not null,
  chosen_by  varchar(64),
  chosen_at  timestamp with time zone not null
);
create index case_category_type on case_category (type_code);
