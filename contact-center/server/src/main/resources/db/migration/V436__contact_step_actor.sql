-- Who made a contact's wrap-up or ending happen (issue 11, session 21: "nothing acknowledged is ever
-- lost"): the signed-in caller's name (the operator, or a supervisor acting for them), 'channel' (a
-- channel adapter: the caller hung up, the citizen left) or 'routing' (the wrap-up time ended, a
-- restart). Written with the step, in its transaction; null on other steps and on steps journaled
-- before. A wrap-up sent again by the operator whose own wrap-up closed the contact (a queue without
-- wrap-up time) is recognized by it. Nullable, no default: a catalogue change only on PostgreSQL 15
-- (no table rewrite); runs on H2 (MODE=PostgreSQL) too.
alter table contact_step add column actor varchar(64);
