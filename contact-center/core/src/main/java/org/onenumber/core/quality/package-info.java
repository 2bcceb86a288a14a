/**
 * Quality evaluation (issue 18, the mystery shopper): supervisors configure an
 * {@link org.onenumber.core.quality.EvaluationForm} of weighted criteria (greeting, accuracy,
 * empathy, resolution, compliance); {@link org.onenumber.core.quality.ContactSample} draws contacts
 * at random or targeted (one operator); an evaluator scores a contact against the form
 * ({@link org.onenumber.core.quality.Evaluation}: a weighted percentage); several evaluators
 * scoring one contact is a calibration, whose {@link org.onenumber.core.quality.Spread} shows how
 * far they disagree. Plain Java, immutable values.
 */
package org.onenumber.core.quality;
