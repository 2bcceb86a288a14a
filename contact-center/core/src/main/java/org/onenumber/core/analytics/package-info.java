/**
 * Complaint analytics: what citizens complain about, where, and what is growing.
 *
 * <p>The city's category tree ({@link org.onenumber.core.analytics.CategoryTree}: service →
 * category → type, Korean and English names, the department that answers) is data; a contact's
 * category is the operator's disposition when one was given, otherwise the guess of a
 * {@link org.onenumber.core.analytics.ComplaintClassifier} (an adapter: the Lucene k-NN classifier
 * lives in knowledge-index) — {@link org.onenumber.core.analytics.CategoryChoice} says which.
 *
 * <p>Emerging issues: every located or categorised contact becomes an
 * {@link org.onenumber.core.analytics.Observation}. {@link org.onenumber.core.analytics.LiveSurveillance}
 * folds them one at a time and raises an {@link org.onenumber.core.analytics.EmergingIssue} the
 * moment a key's count in the open period is improbable under that key's own baseline (Poisson,
 * bias-corrected EWMA of its past periods, family-wise p &lt; alpha over the keys known at the
 * period's start); {@link org.onenumber.core.analytics.BatchSurveillance} recomputes the same
 * alerts from a stored history and must agree exactly. Two families of keys
 * ({@link org.onenumber.core.analytics.IssueKeys}): hotspots (grid cells) and bursts (category ×
 * area). Not thread-safe: one owner thread feeds a live instance.
 */
package org.onenumber.core.analytics;
