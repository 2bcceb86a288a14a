-- The answer tables' change log (issue 11): every row of answer_version gets a position from a
-- sequence, so each cluster node's Lucene replica can read "changes after the last position I saw"
-- (AnswerChangeFollower). A sequence is not transactional: a position can commit after a higher
-- one, the follower keeps such gaps open for a while. Existing rows get positions in the order the
-- database fills them. Runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
create sequence answer_change_seq;
alter table answer_version add column change_seq bigint default nextval('answer_change_seq') not null;
create index answer_version_change_seq on answer_version (change_seq);
