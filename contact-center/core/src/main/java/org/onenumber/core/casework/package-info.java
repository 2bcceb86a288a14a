/**
 * A {@link Case} is a request the operator could not resolve on the spot, escalated to the
 * responsible department with a due date. Its status moves along {@link CaseStatus}; every move
 * is kept with author and time ({@link CaseStatusChange}) and the citizen is told the outcome.
 */
package org.onenumber.core.casework;
