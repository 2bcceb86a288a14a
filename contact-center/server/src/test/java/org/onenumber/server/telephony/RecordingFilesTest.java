package org.onenumber.server.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RecordingFilesTest {

  @Test
  void reportedPathIsUsedAsIsWithoutAFolder() {
    assertEquals(Path.of("/var/spool/asterisk/monitor/a.wav"),
        new RecordingFiles("").pathOf("/var/spool/asterisk/monitor/a.wav"));
  }

  @Test
  void onlyTheFileNameIsJoinedToTheConfiguredFolder() {
    RecordingFiles files = new RecordingFiles("/mnt/recordings");
    assertEquals(Path.of("/mnt/recordings/a.wav"), files.pathOf("/var/spool/asterisk/monitor/a.wav"));
    assertEquals(Path.of("/mnt/recordings/passwd"), files.pathOf("../../etc/passwd"));
  }
}
