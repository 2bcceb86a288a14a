package org.onenumber.telephony.asterisk;

import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.SayNumberCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;

/**
 * The AGI commands the IVR sends, as Asterisk-Java builds them but quoted without regular
 * expressions: Asterisk-Java quotes every argument with three {@code String.replaceAll} (three
 * patterns compiled per argument, on the session thread, between Asterisk's reply and our next
 * command) and a {@code String.format}. {@link #quote} gives the same text (backslash doubled,
 * quote escaped, newlines dropped, wrapped in quotes; null is {@code ""}) in one pass —
 * {@code AgiCommandsTest} compares both. Stateless.
 */
final class AgiCommands {

  private AgiCommands() {}

  static AgiCommand streamFile(String file) {
    return new StreamFile(file);
  }

  static AgiCommand sayNumber(String number) {
    return new SayNumber(number);
  }

  static AgiCommand getData(String file, long timeoutMillis, int maxDigits) {
    return new GetData(file, timeoutMillis, maxDigits);
  }

  static AgiCommand setVariable(String name, String value) {
    return new SetVariable(name, value);
  }

  static AgiCommand getVariable(String name) {
    return new GetVariable(name);
  }

  static AgiCommand exec(String application, String... options) {
    return new Exec(application, options);
  }

  /** Asterisk-Java's {@code escapeAndQuote}, in one pass. */
  static String quote(String s) {
    if (s == null) {
      return "\"\"";
    }
    StringBuilder quoted = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> quoted.append("\\\\");
        case '"' -> quoted.append("\\\"");
        case '\n' -> { }
        default -> quoted.append(c);
      }
    }
    return quoted.append('"').toString();
  }

  private static final class StreamFile extends StreamFileCommand {
    StreamFile(String file) {
      super(file, "");
    }

    @Override
    protected String escapeAndQuote(String s) {
      return quote(s);
    }
  }

  private static final class SayNumber extends SayNumberCommand {
    SayNumber(String number) {
      super(number, "");
    }

    @Override
    protected String escapeAndQuote(String s) {
      return quote(s);
    }
  }

  private static final class GetData extends GetDataCommand {
    GetData(String file, long timeoutMillis, int maxDigits) {
      super(file, timeoutMillis, maxDigits);
    }

    @Override
    protected String escapeAndQuote(String s) {
      return quote(s);
    }
  }

  private static final class SetVariable extends SetVariableCommand {
    SetVariable(String name, String value) {
      super(name, value);
    }

    @Override
    protected String escapeAndQuote(String s) {
      return quote(s);
    }
  }

  private static final class GetVariable extends GetVariableCommand {
    GetVariable(String name) {
      super(name);
    }

    @Override
    protected String escapeAndQuote(String s) {
      return quote(s);
    }
  }

  private static final class Exec extends ExecCommand {
    Exec(String application, String... options) {
      super(application, options);
    }

    @Override
    protected String escapeAndQuote(String s) {
      return quote(s);
    }
  }
}
