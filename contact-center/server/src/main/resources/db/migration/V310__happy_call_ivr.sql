-- Happy-call by IVR (issue 16): a survey of a voice contact is an automated call first; "calls"
-- counts the calls placed (retries, then the SMS fallback). State CALLING: a call under way.
-- Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
alter table happy_call add column calls integer not null default 0;
