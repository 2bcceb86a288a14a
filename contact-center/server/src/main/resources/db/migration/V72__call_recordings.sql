-- Call recordings (issue 10): one MixMonitor file per voice contact, written by Asterisk; the file
-- name comes from Asterisk's VarSet MIXMONITOR_FILENAME. Rows and files are deleted by the
-- retention sweep (onenumber.telephony.recording.retention-days).
CREATE TABLE call_recordings (
  contact_id   VARCHAR(64)   NOT NULL PRIMARY KEY,
  file_name    VARCHAR(1024) NOT NULL,
  started_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  stopped_at   TIMESTAMP WITH TIME ZONE,
  duration_ms  BIGINT
);
CREATE INDEX call_recordings_started ON call_recordings (started_at);
