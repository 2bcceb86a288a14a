/**
 * Who looked at whose data, and who did what with privilege: {@link
 * org.onenumber.core.audit.AuditEntry} is one such fact, kept append-only by an {@link
 * org.onenumber.core.port.out.AuditLog} whose entries are hash-chained so that a changed or removed
 * entry shows.
 */
package org.onenumber.core.audit;
