package org.onenumber.server.security;

/**
 * What a staff account may do. Operators answer contacts; supervisors watch and steer; analysts read
 * analytics and anonymised aggregates only, never a citizen's identity ({@link AnalystRule}); citizen
 * monitoring members only their own observations and mileage ({@link MonitorRule}).
 */
public enum Role {
  OPERATOR,
  SUPERVISOR,
  DEPARTMENT_STAFF,
  ADMIN,
  ANALYST,
  /** A citizen monitoring member: files observations, sees their own mileage ({@link MonitorRule}). */
  MONITOR
}
