/**
 * Quality evaluation's server side (issue 18): forms and evaluations stored
 * ({@link org.onenumber.server.quality.JdbcQualityStore}, migration V282) and the API under
 * {@code /api/v1/quality} — samples of closed chat and SMS contacts, scoring, calibration spread,
 * per-operator scores (operators see their own).
 */
package org.onenumber.server.quality;
