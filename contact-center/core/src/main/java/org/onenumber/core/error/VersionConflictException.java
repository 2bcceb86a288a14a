package org.onenumber.core.error;

/**
 * Someone else changed the record since the caller read it (optimistic concurrency). The HTTP API
 * answers 409 {@code version_conflict} with the current version, so the caller can reload and retry.
 */
public final class VersionConflictException extends PermanentException {

  private final long currentVersion;

  public VersionConflictException(String what, long expectedVersion, long currentVersion) {
    super("version_conflict", what + " is at version " + currentVersion + ", not " + expectedVersion
        + ": reload it and try again");
    this.currentVersion = currentVersion;
  }

  public long currentVersion() {
    return currentVersion;
  }
}
