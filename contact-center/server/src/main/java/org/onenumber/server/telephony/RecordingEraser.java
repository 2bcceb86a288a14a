package org.onenumber.server.telephony;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.onenumber.server.persistence.Jdbc;

/**
 * Deletes the recordings of given contacts for a citizen's erasure request: the file first, then
 * its row, as {@link RecordingRetention} does. A file already gone is fine; a file that cannot be
 * deleted fails the call (the erasure answers 5xx and can be repeated). Thread-safe.
 */
@Singleton
public final class RecordingEraser {

  private final Jdbc jdbc;
  private final RecordingFiles files;

  /** {@code directory}: as {@code onenumber.telephony.recording.directory} ({@link RecordingFiles}). */
  public RecordingEraser(Jdbc jdbc, @Value("${onenumber.telephony.recording.directory:}") String directory) {
    this.jdbc = jdbc;
    this.files = new RecordingFiles(directory);
  }

  /** Deletes the recording of {@code contactId}, if any; true when there was one. */
  public boolean erase(String contactId) {
    var file = jdbc.queryOne("SELECT file_name FROM call_recordings WHERE contact_id = ?", row -> row.getString(1),
        contactId);
    if (file.isEmpty()) {
      return false;
    }
    try {
      Files.deleteIfExists(files.pathOf(file.get()));
    } catch (IOException e) {
      throw new UncheckedIOException("recording of " + contactId + " could not be deleted", e);
    }
    jdbc.update("DELETE FROM call_recordings WHERE contact_id = ?", contactId);
    return true;
  }
}
