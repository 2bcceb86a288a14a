-- The calls Twilio placed for a consult under way (issue 10): the operator's and the consulted
-- party's legs in the consult conference. A consult does not survive a restart, but Twilio keeps
-- its legs: after a restart the server hangs up every leg listed here (telephony
-- TwilioCallControl). A row lives as long as the consult.
CREATE TABLE twilio_consult_legs (
  call_sid   VARCHAR(64) NOT NULL PRIMARY KEY,
  contact_id VARCHAR(64) NOT NULL
);
