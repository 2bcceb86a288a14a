-- Which Twilio call heard which self-service answer (issue 10), from the answer until the call's
-- status callback journals it as self-served (telephony TwilioSelfService): kept so that a restart
-- between the answer and the hang-up keeps the call's self-served count. A row lives as long as
-- the call (two hours at most).
CREATE TABLE twilio_heard_answers (
  call_sid       VARCHAR(64)  NOT NULL PRIMARY KEY,
  topic          VARCHAR(64)  NOT NULL,
  language       VARCHAR(8)   NOT NULL,
  identity_kind  VARCHAR(16)  NOT NULL,
  identity_value VARCHAR(128) NOT NULL,
  heard_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX twilio_heard_answers_heard_at ON twilio_heard_answers (heard_at);
