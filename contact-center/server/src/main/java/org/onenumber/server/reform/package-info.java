/**
 * The reform board's server side (issue 18): reform tasks stored ({@link
 * org.onenumber.server.reform.JdbcReformTasks}), the API under {@code /api/v1/reform} with the
 * before/after figures of each task's category, and the ladder from configuration.
 */
package org.onenumber.server.reform;
