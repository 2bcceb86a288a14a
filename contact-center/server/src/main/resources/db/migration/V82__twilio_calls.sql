-- The Twilio Voice calls this node carries (issue 10), kept so that a call survives a server
-- restart: Twilio keeps the call running, and its next webhook or status callback must find its
-- contact, phase and operator again (telephony TwilioVoiceCalls). A row lives as long as its call.
CREATE TABLE twilio_calls (
  contact_id        VARCHAR(64)  NOT NULL PRIMARY KEY,
  call_sid          VARCHAR(64)  NOT NULL,
  language          VARCHAR(8)   NOT NULL,
  queue_name        VARCHAR(128) NOT NULL,
  phase             VARCHAR(16)  NOT NULL,
  agent_id          VARCHAR(64),
  record_call       BOOLEAN      NOT NULL,
  position          INTEGER,
  estimated_wait_ms BIGINT
);
