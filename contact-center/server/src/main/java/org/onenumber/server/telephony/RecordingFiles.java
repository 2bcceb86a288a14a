package org.onenumber.server.telephony;

import java.nio.file.Path;

/**
 * Where the server finds a recording Asterisk wrote: the path Asterisk reported, or, when {@code
 * onenumber.telephony.recording.directory} is set (Asterisk's {@code monitor/} folder mounted
 * elsewhere), the same file name in that folder. Only the file name part of a reported path is
 * ever joined to the folder, so a stored value cannot point outside it.
 */
record RecordingFiles(String directory) {

  Path pathOf(String reported) {
    Path name = Path.of(reported).getFileName();
    return directory == null || directory.isBlank() ? Path.of(reported) : Path.of(directory).resolve(name);
  }
}
