/**
 * Logins: staff accounts with bcrypt-hashed passwords ({@link Accounts}), checked by
 * {@link AccountAuthenticationProvider} for Micronaut Security. Browsers and API clients get a
 * signed JWT from {@code POST /login}; HTTP Basic works for scripts. Roles are in {@link Role}.
 */
package org.onenumber.server.security;
