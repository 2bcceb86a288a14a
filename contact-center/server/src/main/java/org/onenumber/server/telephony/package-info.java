/**
 * Wiring of the telephone network adapters into the server: the FastAGI IVR ({@link
 * org.onenumber.server.telephony.AgiFactory}), the routing events it needs forwarded to each call's
 * session ({@link org.onenumber.server.telephony.RoutedEventForwarder}), and the tables it reads
 * (operators' devices, callers' languages). The call flow itself is documented in {@link
 * org.onenumber.telephony.asterisk}.
 */
package org.onenumber.server.telephony;
