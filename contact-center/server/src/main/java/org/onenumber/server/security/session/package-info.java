/**
 * Login sessions: short-lived access tokens (JWT, from {@code POST /login}) and the long-lived
 * refresh tokens that renew them. {@link org.onenumber.server.security.session.RefreshTokens} keeps
 * the refresh tokens hashed, rotates them (each refresh spends the token and answers the next of its
 * family) and revokes a whole family when a spent token comes back, at logout, or when an
 * administrator disables the account ({@link org.onenumber.server.security.session.AccountStatusController}).
 */
package org.onenumber.server.security.session;
