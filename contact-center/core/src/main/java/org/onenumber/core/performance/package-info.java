/**
 * Department performance (issue 14, item 6): what each department did with the cases it was given.
 * {@link org.onenumber.core.performance.CaseFacts} reads one case's history;
 * {@link org.onenumber.core.performance.DepartmentPerformance} turns the facts of many cases into
 * figures per department and category. The batch report and the live view
 * ({@link org.onenumber.core.performance.LiveDepartmentPerformance}) both call that one function, so
 * they cannot disagree about a definition.
 */
package org.onenumber.core.performance;
