package org.onenumber.channels.open311;

/**
 * A request the GeoReport API refuses, with the HTTP status the specification asks for (403 for a
 * missing or wrong api_key, 404 for an unknown service, request, token or jurisdiction, 413 for a
 * body too large, 400 for anything else) and a description for a person. The description never
 * repeats a stored value or the caller's input.
 */
public final class GeoReportError extends RuntimeException {

  private final int status;

  public GeoReportError(int status, String description) {
    super(description);
    this.status = status;
  }

  public static GeoReportError badRequest(String description) {
    return new GeoReportError(400, description);
  }

  public static GeoReportError notFound(String description) {
    return new GeoReportError(404, description);
  }

  /** The HTTP status, also the error code in the body. */
  public int status() {
    return status;
  }

  /** The error code in the body: the HTTP status. */
  public int code() {
    return status;
  }
}
