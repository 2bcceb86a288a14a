/**
 * Complaint analytics over exported data: {@link org.onenumber.ops.analytics.Nyc311Observations}
 * turns an NYC 311 open-data export into core {@code Observation}s (when, complaint type, place;
 * no personal data), for the hotspot scan and the trend of a night.
 */
package org.onenumber.ops.analytics;
