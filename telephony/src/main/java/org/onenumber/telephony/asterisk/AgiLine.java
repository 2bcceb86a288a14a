package org.onenumber.telephony.asterisk;

import java.util.Locale;
import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.asteriskjava.fastagi.command.AnswerCommand;
import org.asteriskjava.fastagi.command.ChannelStatusCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.onenumber.core.directory.Language;

/**
 * The caller's channel as the IVR uses it: one method per AGI command the captures show, each
 * turning Asterisk's "the channel is gone" answers ({@code 200 result=-1}, {@code 511}, end of
 * stream) into an {@link AgiHangupException}. Not thread-safe: one session thread owns it.
 */
final class AgiLine {

  /** How a {@code Dial} ended: {@code callerGone} when it returned -1, and Asterisk's DIALSTATUS. */
  record DialResult(boolean callerGone, String status) {
    boolean answered() {
      return "ANSWER".equals(status);
    }
  }

  private final AgiChannel channel;

  AgiLine(AgiChannel channel) {
    this.channel = channel;
  }

  String name() {
    return channel.getName();
  }

  void answer() throws AgiException {
    alive(channel.sendCommand(new AnswerCommand()));
  }

  /** Makes {@code SAY NUMBER} and Asterisk's own prompts speak {@code language}. */
  void speak(Language language) throws AgiException {
    channel.sendCommand(AgiCommands.setVariable("CHANNEL(language)", language.code()));
  }

  void play(Prompt prompt, Language language) throws AgiException {
    alive(channel.sendCommand(AgiCommands.streamFile(prompt.file(language))));
  }

  /** Plays a sound file by name (without extension), such as a topic's recorded answer. */
  void playFile(String file) throws AgiException {
    alive(channel.sendCommand(AgiCommands.streamFile(file)));
  }

  void sayNumber(long number) throws AgiException {
    alive(channel.sendCommand(AgiCommands.sayNumber(Long.toString(number))));
  }

  /** Plays {@code prompt} and reads one key; returns "" on a time-out or an empty entry. */
  String ask(Prompt prompt, Language language, long timeoutMillis) throws AgiException {
    String digits = channel.sendCommand(AgiCommands.getData(prompt.file(language), timeoutMillis, 1)).getResult();
    if ("-1".equals(digits)) {
      throw new AgiHangupException();
    }
    return digits == null ? "" : digits.trim();
  }

  void startMusic(String mohClass) throws AgiException {
    exec("StartMusicOnHold", mohClass);
  }

  void stopMusic() throws AgiException {
    exec("StopMusicOnHold", null);
  }

  /** True while the channel is up; false (never an exception) once the caller has hung up. */
  boolean isUp() throws AgiException {
    try {
      return alive(channel.sendCommand(new ChannelStatusCommand())).getResultCode() >= 0;
    } catch (AgiHangupException e) {
      return false;
    }
  }

  /** Runs {@code Dial} and reads DIALSTATUS (which still works on a dead channel, capture 02). */
  DialResult dial(String target, int ringSeconds, String options) throws AgiException {
    String args = target + "," + (ringSeconds > 0 ? ringSeconds : "") + (options == null ? "" : "," + options);
    int result = channel.sendCommand(AgiCommands.exec("Dial", args)).getResultCode();
    String status = variable("DIALSTATUS");
    return new DialResult(result < 0, status == null ? "" : status.toUpperCase(Locale.ROOT));
  }

  /** Runs an application that holds the channel (Bridge, ConfBridge); false when the caller hung up in it. */
  boolean run(String application, String args) throws AgiException {
    return channel.sendCommand(AgiCommands.exec(application, args)).getResultCode() >= 0;
  }

  String linkedId() throws AgiException {
    return variable("CHANNEL(linkedid)");
  }

  void hangUp() throws AgiException {
    channel.hangup();
  }

  private void exec(String application, String args) throws AgiException {
    alive(args == null ? channel.sendCommand(AgiCommands.exec(application))
        : channel.sendCommand(AgiCommands.exec(application, args)));
  }

  /** A channel variable, or null when unset (as {@code AgiChannel.getVariable}). */
  private String variable(String name) throws AgiException {
    AgiReply reply = channel.sendCommand(AgiCommands.getVariable(name));
    return reply.getResultCode() == 1 ? reply.getExtra() : null;
  }

  private static AgiReply alive(AgiReply reply) throws AgiHangupException {
    if (reply.getResultCode() == -1 && "-1".equals(reply.getResult())) {
      throw new AgiHangupException();
    }
    return reply;
  }
}
