/**
 * The welfare-call program in the server: CSV import of seniors ({@link
 * org.onenumber.server.welfare.SeniorCsv}), the wiring of the core's {@code WelfareProgram} to the
 * database, the carriers and the SMS gateway ({@link org.onenumber.server.welfare.WelfareFactory}),
 * the dialer loop ({@link org.onenumber.server.welfare.WelfareDialer}) and the HTTP API ({@link
 * org.onenumber.server.welfare.WelfareController}). The rules live in {@code org.onenumber.core.welfare}.
 */
package org.onenumber.server.welfare;
