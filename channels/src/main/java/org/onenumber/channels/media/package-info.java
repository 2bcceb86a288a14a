/**
 * Fetching the pictures citizens link to (MMS media at Twilio, Open311 {@code media_url}) without
 * letting a link reach inside the city's network: {@link org.onenumber.channels.media.AddressGuard}
 * judges addresses, {@link org.onenumber.channels.media.GuardedDnsResolver} resolves each host once
 * and hands the client only judged addresses, and {@link
 * org.onenumber.channels.media.HttpRemoteMedia} (Apache HttpClient 5) adds the scheme rule, checked
 * redirects, the size cap while streaming, timeouts and per-origin credentials. It implements the
 * core's {@link org.onenumber.core.port.out.RemoteMedia} port; the core's media jobs decide when
 * to fetch and retry.
 */
package org.onenumber.channels.media;
