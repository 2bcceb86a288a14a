/**
 * The call center as the source of reform (issue 18): a supervisor or an analyst tags an issue (a
 * hotspot cell, a burst, a category) with its cause — law, process, practice or system — and opens
 * a {@link org.onenumber.core.reform.ReformTask}; the task climbs the city's four-step
 * {@link org.onenumber.core.reform.ReformLadder} (as configured: answer on the spot, department
 * fix, process change, law or system change) with owner, due date and status; when it closes,
 * {@link org.onenumber.core.reform.BeforeAfter} compares the category's daily volume before the
 * fix with the volume after it. Plain Java; records are immutable, commands return new values.
 */
package org.onenumber.core.reform;
