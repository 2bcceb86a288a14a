-- The calls this node carries on Asterisk (issue 10), kept so that after a server restart the
-- calls of the previous run are found again: ended when Asterisk no longer has them, adopted when
-- their caller is still bridged with an operator (telephony RestartSweep). A row lives as long as
-- its call; it is deleted when the call ends.
CREATE TABLE asterisk_calls (
  contact_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
  caller_channel VARCHAR(128) NOT NULL,
  unique_id      VARCHAR(64)  NOT NULL,
  linked_id      VARCHAR(64)  NOT NULL,
  agent_channel  VARCHAR(128),
  opened_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
