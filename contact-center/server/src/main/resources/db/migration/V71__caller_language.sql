-- The language a caller chose in the IVR last time, by number (E.164), so the next call skips the
-- language menu.
create table caller_language (
  phone      varchar(32) primary key,
  language   varchar(8) not null,
  updated_at timestamp with time zone not null
);
