-- Citizen ratings of a department's answer (issue 14) are case_status rows of kind RATED (score in
-- detail, comment in note). The supervisor's follow-up list and the rating figures look them up by
-- kind among millions of history rows.
create index case_status_kind on case_status (kind, case_id);
