-- Operator-verified identity links (issue 13): a citizen merged into another is kept only as a
-- redirect, so ids held elsewhere (audit log, old links) still find the person.
alter table citizen add column merged_into varchar(64);
