-- Welfare case outcome (issue 16): what the welfare team found (VISIT_MADE, SENIOR_SAFE,
-- EMERGENCY_SERVICES, HOSPITALISED, OTHER), recorded when the welfare case is resolved or closed,
-- beside the escalation that opened it. Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
alter table welfare_escalation add column outcome varchar(24);
alter table welfare_escalation add column outcome_at timestamp with time zone;
