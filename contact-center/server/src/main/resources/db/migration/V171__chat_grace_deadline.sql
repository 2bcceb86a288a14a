-- When a web chat whose socket dropped is abandoned unless the citizen resumes it (issue 11): kept
-- so a restarted server resumes the same deadline instead of granting a fresh grace period.
-- Null while the citizen is connected (or was never disconnected).
alter table chat_session add column grace_deadline timestamp with time zone;
