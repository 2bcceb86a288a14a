-- Browser calls (issue 15): the latest connection-quality summary of a call as the operator's
-- console measured it (getStats): time from accept to the first decoded frame, round trip, loss,
-- frame rate, bitrate. One row per contact; runs on H2 (MODE=PostgreSQL) and PostgreSQL 15.
CREATE TABLE call_quality (
  contact_id      VARCHAR(64) NOT NULL PRIMARY KEY,
  first_frame_ms  BIGINT,
  rtt_ms          BIGINT,
  loss_percent    DOUBLE PRECISION,
  fps             DOUBLE PRECISION,
  bitrate_kbps    BIGINT,
  frames_decoded  BIGINT,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
