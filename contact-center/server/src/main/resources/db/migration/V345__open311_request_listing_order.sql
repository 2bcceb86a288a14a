-- Open311 GET requests (issue 14) lists a date window newest first, ties by service_request_id:
-- with both columns in one index PostgreSQL reads the first 1,000 rows in order and stops, instead
-- of sorting (and, on a large table, starting parallel workers to do it, 70+ ms of a 1M-row read).
-- It replaces open311_request_requested (requested_at alone), a prefix of it.
create index open311_request_listing on open311_request (requested_at, service_request_id);
drop index open311_request_requested;
