package org.onenumber.server.security;

/**
 * What a staff account may do. Operators answer contacts; supervisors watch and steer; analysts read
 * analytics and anonymised aggregates only, never a citizen's identity ({@link AnalystRule}).
 */
public enum Role {
  OPERATOR,
  SUPERVISOR,
  DEPARTMENT_STAFF,
  ADMIN,
  ANALYST
}
