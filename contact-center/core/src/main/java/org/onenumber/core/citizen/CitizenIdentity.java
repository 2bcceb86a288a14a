package org.onenumber.core.citizen;

import java.util.Locale;
import java.util.regex.Pattern;
import org.onenumber.core.error.InvalidInputException;

/**
 * One way to recognise a citizen: a phone number (E.164), a chat handle, or an e-mail address.
 * Adapters normalise raw input (for phone numbers with a well-kept library) before building one.
 */
public sealed interface CitizenIdentity {

  /** The kind as stored: {@code phone}, {@code chat} or {@code email}. */
  String kind();

  /** The normalised value. */
  String value();

  /** A value safe to print in a log: all but the last few characters masked. */
  default String masked() {
    String v = value();
    int keep = Math.min(4, v.length() / 3);
    return "*".repeat(v.length() - keep) + v.substring(v.length() - keep);
  }

  static CitizenIdentity of(String kind, String value) {
    return switch (InvalidInputException.requireText(kind, "identity kind")) {
      case "phone" -> new Phone(value);
      case "chat" -> new ChatHandle(value);
      case "email" -> new Email(value);
      default -> throw new InvalidInputException("identity kind must be phone, chat or email, got '" + kind + "'");
    };
  }

  /** A phone number in E.164 form, such as {@code +821012345678}. */
  record Phone(String value) implements CitizenIdentity {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public Phone {
      InvalidInputException.requireText(value, "phone");
      if (!E164.matcher(value).matches()) {
        throw new InvalidInputException("phone must be E.164 like +821012345678");
      }
    }

    @Override
    public String kind() {
      return "phone";
    }
  }

  /** An opaque identity from a chat channel (a web chat session owner, a messenger id). */
  record ChatHandle(String value) implements CitizenIdentity {
    public ChatHandle {
      InvalidInputException.requireText(value, "chat handle");
      if (value.length() > 200) {
        throw new InvalidInputException("chat handle is longer than 200 characters");
      }
    }

    @Override
    public String kind() {
      return "chat";
    }
  }

  /** An e-mail address, lower-cased. */
  record Email(String value) implements CitizenIdentity {
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public Email {
      InvalidInputException.requireText(value, "email");
      value = value.trim().toLowerCase(Locale.ROOT);
      if (!ADDRESS.matcher(value).matches() || value.length() > 254) {
        throw new InvalidInputException("email is not an address");
      }
    }

    @Override
    public String kind() {
      return "email";
    }
  }
}
