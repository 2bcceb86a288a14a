package org.onenumber.server.open311;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.onenumber.channels.open311.GeoReportDocuments;
import org.onenumber.channels.open311.GeoReportError;
import org.onenumber.channels.open311.Node;
import org.onenumber.channels.open311.Open311Format;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.admission.IntakeShedException;

/**
 * Turns a document or a failure into the HTTP response: the document in the suffix's format, or
 * the spec's {@code errors} document with its status. An unknown suffix is 404 in XML (the
 * required format); the core's not found is 404, its invalid input 400, a database outage 503, and
 * intake shed by admission control 503 with {@code Retry-After}.
 */
final class Open311Responses {

  private Open311Responses() {}

  static MutableHttpResponse<String> answer(String suffix, Supplier<Node> document) {
    return answer(suffix, document, Open311Format::render);
  }

  /**
   * As {@link #answer}, the body as UTF-8 bytes ({@link Open311Format#bytes}): for listings of up
   * to 1,000 requests, no string of the whole document and no second encoding pass by the server.
   */
  static MutableHttpResponse<byte[]> answerBytes(String suffix, Supplier<Node> document) {
    return answer(suffix, document, Open311Format::bytes);
  }

  private static <T> MutableHttpResponse<T> answer(String suffix, Supplier<Node> document,
      BiFunction<Open311Format, Node, T> render) {
    Open311Format format = Open311Format.ofSuffix(suffix).orElse(null);
    if (format == null) {
      return refuse(Open311Format.XML, GeoReportError.notFound("the format must be xml or json"), render);
    }
    try {
      return HttpResponse.ok(render.apply(format, document.get())).contentType(format.contentType());
    } catch (GeoReportError e) {
      return refuse(format, e, render);
    } catch (NotFoundException e) {
      return refuse(format, GeoReportError.notFound("not found"), render);
    } catch (InvalidInputException e) {
      return refuse(format, GeoReportError.badRequest(e.getMessage()), render);
    } catch (IntakeShedException e) {
      return refuse(format, new GeoReportError(503, e.getMessage()), render)
          .header("Retry-After", Integer.toString(e.retryAfterSeconds()));
    } catch (RetriableException e) {
      return refuse(format, new GeoReportError(503, "the service is unavailable; retry"), render);
    }
  }

  /** 429 in the spec's error shape with {@code Retry-After}; an unknown suffix answers in XML. */
  static HttpResponse<String> tooMany(String suffix, long retryAfterSeconds) {
    return refuse(Open311Format.ofSuffix(suffix).orElse(Open311Format.XML), new GeoReportError(429,
        "too many requests; retry after " + retryAfterSeconds + " s")).header("Retry-After",
        Long.toString(retryAfterSeconds));
  }

  static MutableHttpResponse<String> refuse(Open311Format format, GeoReportError e) {
    return refuse(format, e, Open311Format::render);
  }

  private static <T> MutableHttpResponse<T> refuse(Open311Format format, GeoReportError e,
      BiFunction<Open311Format, Node, T> render) {
    return HttpResponse.<T>status(HttpStatus.valueOf(e.status()))
        .body(render.apply(format, GeoReportDocuments.errors(e))).contentType(format.contentType());
  }
}
