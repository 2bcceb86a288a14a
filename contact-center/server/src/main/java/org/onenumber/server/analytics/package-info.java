/**
 * Complaint analytics in the server (issue 18): wiring of the category tree, the Lucene k-NN
 * classifier and the emerging-issue fold; {@link org.onenumber.server.analytics.ContactCategories}
 * gives every contact its category (what contact-level FCR counts); the emerging-issues feed folds
 * the event stream live and recomputes the same alerts from the stored contacts; the analytics API
 * serves the taxonomy, classification and alerts to supervisors.
 */
package org.onenumber.server.analytics;
