package org.onenumber.core.error;

/** The thing named by an id does not exist. */
public final class NotFoundException extends PermanentException {

  public NotFoundException(String kind, Object id) {
    super("not_found", kind + " " + id + " does not exist");
  }
}
