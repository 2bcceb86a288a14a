/**
 * API keys for integration clients (a city's CRM, a generic intake form, Open311 apps): issued and
 * revoked by administrators ({@code /api/v1/api-keys}), shown once and kept as a SHA-256 hash, each
 * with scopes ({@link org.onenumber.server.security.keys.ApiKeyScope}) that name the only operations
 * it may call, and a per-key rate limit. A request presents its key in the {@code X-Api-Key} header
 * (Open311 clients may use the spec's {@code api_key} form field); {@link
 * org.onenumber.server.security.keys.ApiKeyGate} decides — 401 unknown or revoked, 403 outside the
 * key's scopes, 429 over its limit — and audits every use. A key never reaches a WebSocket or any
 * operation its scopes do not list, whatever the operation's own {@code @Secured} rule says.
 */
package org.onenumber.server.security.keys;
