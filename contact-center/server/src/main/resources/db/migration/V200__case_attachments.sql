-- Case attachments (issue 14): a citizen's photo and other pictures of a case, bytes in the
-- database (never under the web root), with the type sniffed from the content, the size and the
-- SHA-256. Served only through the audited API.
create table case_attachment (
  id         varchar(36) primary key,
  case_id    varchar(32) not null references case_file (id),
  media_type varchar(40) not null,
  size_bytes integer not null,
  sha256     varchar(64) not null,
  source     varchar(40) not null,
  added_by   varchar(200) not null,
  added_at   timestamp with time zone not null,
  content    bytea not null
);
create index case_attachment_case on case_attachment (case_id, added_at);
