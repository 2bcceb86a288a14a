/** Logging that never writes a citizen's phone number or e-mail address in the clear. */
package org.onenumber.server.logging;
