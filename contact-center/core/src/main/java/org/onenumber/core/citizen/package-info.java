/**
 * A {@link Citizen} is one person across every channel: the phone numbers, chat identities and
 * e-mail addresses they used ({@link CitizenIdentity}), their preferred language and their
 * {@link Consent}. Identities are how a new contact is matched to a person already known.
 */
package org.onenumber.core.citizen;
