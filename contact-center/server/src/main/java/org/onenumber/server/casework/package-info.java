/**
 * Department casework wiring: the case actions and inbox for department staff
 * ({@code channels.CaseWorkController}), the public tracking API ({@code channels.TrackController}),
 * get their use cases here, with the due-date rules from configuration and
 * the scheduler that runs the reminder and overdue sweep. The rules themselves live in the core's
 * {@code casework} package.
 */
package org.onenumber.server.casework;
