-- A web chat the citizen left (the "leave" frame, or a dropped socket not resumed within the
-- grace period): a later resume is told "ended" even when no contact was ever opened.
alter table chat_session add column ended_at timestamp with time zone;
