/**
 * The intake's {@code Idempotency-Key} (issue 11): a client that did not get the answer to {@code
 * POST /api/v1/contacts} (a 503 during a database cut whose commit may have landed, a broken
 * connection) posts again with the same key and gets the first answer instead of a second contact.
 * {@link org.onenumber.server.intake.IdempotencyKey} checks the header and hashes the body, {@link
 * org.onenumber.server.intake.JdbcIntakeKeys} stores the key in the contact's own transaction
 * (table {@code intake_key}), {@link org.onenumber.server.intake.IdempotentIntake} decides between
 * a fresh contact, the first answer and a refusal, and {@link
 * org.onenumber.server.intake.IntakeKeySweep} deletes expired keys.
 */
package org.onenumber.server.intake;
