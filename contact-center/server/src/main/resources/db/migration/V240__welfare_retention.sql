-- Welfare records' retention (issue 12): a senior whose enrolment ended more than
-- onenumber.retention.welfare-days ago is anonymised by WelfareRetention; the row stays (district,
-- language, consent flags and dates, attempts and escalations) so the program's figures still count it.
-- Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
alter table welfare_senior add column anonymised_at timestamp with time zone;
create index welfare_senior_ends on welfare_senior (ends_on);
