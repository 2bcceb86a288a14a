package org.onenumber.server.api;

import java.util.Base64;
import org.onenumber.core.error.InvalidInputException;

/**
 * A photo sent inside a form or JSON field: base64, or a {@code data:} URL of it (what a browser's
 * {@code FileReader} gives). Only the encoding is read here; the type is sniffed from the bytes by
 * the attachment rules. Stateless.
 */
public final class PhotoField {

  private PhotoField() {}

  /** The bytes, or null when the field is missing or blank; invalid input when it is not base64. */
  public static byte[] decode(String field) {
    if (field == null || field.isBlank()) {
      return null;
    }
    String data = field.startsWith("data:") ? field.substring(field.indexOf(',') + 1) : field;
    try {
      return Base64.getMimeDecoder().decode(data);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("photo must be a picture encoded in base64");
    }
  }
}
