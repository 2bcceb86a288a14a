/**
 * Load drivers that measure a running server from the outside (never timed unit tests). Each
 * prints a table and a last line {@code RESULT name key=value ...}; {@code bin/bench NAME} runs
 * them.
 */
package org.onenumber.ops.bench;
