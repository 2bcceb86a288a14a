package org.onenumber.core.casework.attachment;

import java.util.Optional;

/**
 * The picture formats a case accepts, each recognised by its signature bytes, never by a name or
 * a declared content type.
 *
 * <ol>
 *   <li>JPEG: {@code FF D8 FF}.
 *   <li>PNG: {@code 89 50 4E 47 0D 0A 1A 0A}.
 *   <li>GIF: {@code GIF87a} or {@code GIF89a}.
 *   <li>WebP: {@code RIFF}, four length bytes, {@code WEBP}.
 * </ol>
 */
public enum AttachmentType {
  JPEG("image/jpeg", "jpg"),
  PNG("image/png", "png"),
  GIF("image/gif", "gif"),
  WEBP("image/webp", "webp");

  private final String mediaType;
  private final String extension;

  AttachmentType(String mediaType, String extension) {
    this.mediaType = mediaType;
    this.extension = extension;
  }

  /** The media type the bytes are served with. */
  public String mediaType() {
    return mediaType;
  }

  /** The file name extension used when the picture is downloaded. */
  public String extension() {
    return extension;
  }

  /** The type whose signature {@code content} starts with, in the order of the class comment. */
  public static Optional<AttachmentType> sniff(byte[] content) {
    if (content == null) {
      return Optional.empty();
    }
    if (startsWith(content, 0, 0xFF, 0xD8, 0xFF)) {
      return Optional.of(JPEG);
    }
    if (startsWith(content, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
      return Optional.of(PNG);
    }
    if (startsWith(content, 0, 'G', 'I', 'F', '8') && (startsWith(content, 4, '7', 'a')
        || startsWith(content, 4, '9', 'a'))) {
      return Optional.of(GIF);
    }
    if (startsWith(content, 0, 'R', 'I', 'F', 'F') && startsWith(content, 8, 'W', 'E', 'B', 'P')) {
      return Optional.of(WEBP);
    }
    return Optional.empty();
  }

  private static boolean startsWith(byte[] content, int offset, int... signature) {
    if (content.length < offset + signature.length) {
      return false;
    }
    for (int i = 0; i < signature.length; i++) {
      if ((content[offset + i] & 0xFF) != signature[i]) {
        return false;
      }
    }
    return true;
  }
}
