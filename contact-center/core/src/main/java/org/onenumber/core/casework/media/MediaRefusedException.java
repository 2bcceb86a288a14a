package org.onenumber.core.casework.media;

import org.onenumber.core.error.PermanentException;

/** A media link that will never be fetched: its scheme, address, size or the server's answer. */
public final class MediaRefusedException extends PermanentException {

  public MediaRefusedException(String message) {
    super("media_refused", message);
  }
}
