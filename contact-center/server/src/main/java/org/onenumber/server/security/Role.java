package org.onenumber.server.security;

/** What a staff account may do. Operators answer contacts; supervisors watch and steer. */
public enum Role {
  OPERATOR,
  SUPERVISOR,
  DEPARTMENT_STAFF,
  ADMIN
}
