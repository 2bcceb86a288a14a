package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.asteriskjava.fastagi.command.ExecCommand;
import org.asteriskjava.fastagi.command.GetDataCommand;
import org.asteriskjava.fastagi.command.GetVariableCommand;
import org.asteriskjava.fastagi.command.SayNumberCommand;
import org.asteriskjava.fastagi.command.SetVariableCommand;
import org.asteriskjava.fastagi.command.StreamFileCommand;
import org.junit.jupiter.api.Test;

class AgiCommandsTest {

  private static final List<String> AWKWARD = Arrays.asList("onenumber/en/welcome", "", null, "a\\b", "say \"hi\"",
      "two\nlines", "\\\"\n", "수도요금 납부", "PJSIP/op-001,15,U(onenumber-answered^c-1^op-001)");

  @Test
  void everyCommandIsTheTextAsteriskJavaWouldHaveSent() {
    for (String s : AWKWARD) {
      assertEquals(new StreamFileCommand(s, "").buildCommand(), AgiCommands.streamFile(s).buildCommand(), s);
      assertEquals(new SayNumberCommand(s, "").buildCommand(), AgiCommands.sayNumber(s).buildCommand(), s);
      assertEquals(new GetDataCommand(s, 5_000, 1).buildCommand(), AgiCommands.getData(s, 5_000, 1).buildCommand(), s);
      assertEquals(new SetVariableCommand("CHANNEL(language)", s).buildCommand(),
          AgiCommands.setVariable("CHANNEL(language)", s).buildCommand(), s);
      assertEquals(new GetVariableCommand(s).buildCommand(), AgiCommands.getVariable(s).buildCommand(), s);
      assertEquals(new ExecCommand("Dial", s).buildCommand(), AgiCommands.exec("Dial", s).buildCommand(), s);
    }
    assertEquals(new ExecCommand("StopMusicOnHold").buildCommand(), AgiCommands.exec("StopMusicOnHold").buildCommand());
  }
}
