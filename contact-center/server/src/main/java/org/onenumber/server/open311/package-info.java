/**
 * The server's half of Open311 GeoReport v2 under {@code /open311/}: the thin controller, the
 * storage of clients, services and requests, the filing of a request as a contact and a case
 * through the core's ports, and the demo catalogue. The protocol itself (validation, filters,
 * XML and JSON) is in {@code org.onenumber.channels.open311}.
 */
package org.onenumber.server.open311;
