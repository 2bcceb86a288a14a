package org.onenumber.server.security;

/**
 * Published when access tokens stop being valid before their expiry: a token revoked (logout,
 * refresh) or an account disabled. {@link SignedInSockets} closes the sockets opened with them.
 */
public record AccessRevoked(String jti, String login) { }
