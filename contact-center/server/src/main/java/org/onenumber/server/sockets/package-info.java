/**
 * What every WebSocket of the server shares: {@link org.onenumber.server.sockets.SocketKeepAlive}
 * pings each open socket so that idle ones are not closed by the server's idle timeout or by a
 * proxy on the way.
 */
package org.onenumber.server.sockets;
