package org.onenumber.core.port.out;

import java.net.URI;

/**
 * Pictures a citizen's channel points at (an MMS media link, an Open311 {@code media_url}),
 * fetched from outside the city's network. Implementations decide which addresses may be reached
 * and how (the channels adapter refuses private and metadata addresses, caps the size and sets a
 * timeout).
 */
public interface RemoteMedia {

  /**
   * The bytes at {@code url}, at most the implementation's size cap.
   *
   * @param source the channel the link came from ({@code mms}, {@code open311}): decides which
   *     credentials, if any, are sent
   * @throws org.onenumber.core.casework.media.MediaRefusedException when the link can never be
   *     fetched (scheme, address, size, status 4xx)
   * @throws org.onenumber.core.error.RetriableException when a later try may succeed (timeout,
   *     unreachable, status 5xx)
   */
  byte[] fetch(URI url, String source);
}
