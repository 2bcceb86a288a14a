package org.onenumber.channels.open311;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents of GeoReport v2 and Service Discovery as {@link Node} trees, field by field in the
 * specification's order; {@link Open311Format#render} writes them. Datetimes are written in UTC
 * with {@code Z} and whole seconds (the W3C profile the specification requires).
 */
public final class GeoReportDocuments {

  /** The specification token of GeoReport v2 in the discovery document. */
  public static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

  private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_INSTANT;

  private GeoReportDocuments() {}

  /** {@code GET services}: the service list. */
  public static Node services(List<GeoReportService> services) {
    List<Node> items = new ArrayList<>();
    for (GeoReportService s : services) {
      items.add(new Node.Group("service", List.of(
          Node.leaf("service_code", s.code()),
          Node.leaf("service_name", s.name()),
          Node.leaf("description", s.description()),
          Node.leaf("metadata", s.metadata()),
          Node.leaf("type", "realtime"),
          Node.leaf("keywords", s.keywords()),
          Node.leaf("group", s.group()))));
    }
    return new Node.ListOf("services", items);
  }

  /** {@code GET services/{code}}: the service definition with its attributes. */
  public static Node definition(GeoReportService service) {
    List<Node> attributes = new ArrayList<>();
    for (ServiceAttribute a : service.attributes()) {
      List<Node> fields = new ArrayList<>(List.of(
          Node.leaf("variable", a.variable()),
          Node.leaf("code", a.code()),
          Node.leaf("datatype", a.datatype()),
          Node.leaf("required", a.required()),
          Node.leaf("datatype_description", a.datatypeDescription()),
          Node.leaf("order", a.order()),
          Node.leaf("description", a.description())));
      if (a.isList()) {
        fields.add(new Node.ListOf("values", a.values().stream().<Node>map(v -> new Node.Group("value",
            List.of(Node.leaf("key", v.key()), Node.leaf("name", v.name())))).toList()));
      }
      attributes.add(new Node.Group("attribute", fields));
    }
    return new Node.Group("service_definition", List.of(
        Node.leaf("service_code", service.code()),
        new Node.ListOf("attributes", attributes)));
  }

  /**
   * {@code POST requests}: the new request's id. OneNumber files in real time, so the response
   * carries the id and no token (the specification returns one or the other); the token of the
   * request is still kept and answers {@code GET tokens/{token}}.
   */
  public static Node created(String serviceRequestId, String serviceNotice) {
    return new Node.ListOf("service_requests", List.of(new Node.Group("request", List.of(
        Node.leaf("service_request_id", serviceRequestId),
        Node.leaf("service_notice", serviceNotice),
        Node.leaf("account_id", null)))));
  }

  /**
   * The city's own {@code /report/} page's answer: as {@link #created}, with the request's
   * {@code token} (the specification's field) for the citizen's tracking link.
   */
  public static Node createdWithToken(String serviceRequestId, String serviceNotice, String token) {
    return new Node.ListOf("service_requests", List.of(new Node.Group("request", List.of(
        Node.leaf("service_request_id", serviceRequestId),
        Node.leaf("token", token),
        Node.leaf("service_notice", serviceNotice),
        Node.leaf("account_id", null)))));
  }

  /** {@code GET tokens/{token}}: the request id the token stands for. */
  public static Node token(String serviceRequestId, String token) {
    return new Node.ListOf("service_requests", List.of(new Node.Group("request", List.of(
        Node.leaf("service_request_id", serviceRequestId),
        Node.leaf("token", token)))));
  }

  /** {@code GET requests} and {@code GET requests/{id}}. */
  public static Node requests(List<ServiceRequestView> requests) {
    List<Node> items = new ArrayList<>(requests.size());
    for (ServiceRequestView r : requests) {
      items.add(new Node.Group("request", List.of(
          Node.leaf("service_request_id", r.serviceRequestId()),
          Node.leaf("status", r.status()),
          Node.leaf("status_notes", r.statusNotes()),
          Node.leaf("service_name", r.serviceName()),
          Node.leaf("service_code", r.serviceCode()),
          Node.leaf("description", r.description()),
          Node.leaf("agency_responsible", r.agencyResponsible()),
          Node.leaf("service_notice", r.serviceNotice()),
          Node.leaf("requested_datetime", w3c(r.requestedAt())),
          Node.leaf("updated_datetime", w3c(r.updatedAt())),
          Node.leaf("expected_datetime", w3c(r.expectedAt())),
          Node.leaf("address", r.address()),
          Node.leaf("address_id", r.addressId()),
          Node.leaf("zipcode", r.zipcode()),
          Node.leaf("lat", r.lat()),
          Node.leaf("long", r.lon()),
          Node.leaf("media_url", r.mediaUrl()))));
    }
    return new Node.ListOf("service_requests", items);
  }

  /** The error document: one error with its code and description. */
  public static Node errors(GeoReportError error) {
    return new Node.ListOf("errors", List.of(new Node.Group("error", List.of(
        Node.leaf("code", error.code()),
        Node.leaf("description", error.getMessage())))));
  }

  /**
   * The Service Discovery document for one production GeoReport v2 endpoint.
   *
   * @param changeset when the service list last changed, sortable
   * @param endpointUrl the absolute URL of {@code /open311/v2}
   */
  public static Node discovery(Instant changeset, String contact, String keyService, String endpointUrl) {
    String stamp = w3c(changeset);
    return new Node.Group("discovery", List.of(
        Node.leaf("changeset", stamp),
        Node.leaf("contact", contact),
        Node.leaf("key_service", keyService),
        new Node.ListOf("endpoints", List.of(new Node.Group("endpoint", List.of(
            Node.leaf("specification", SPECIFICATION),
            Node.leaf("url", endpointUrl),
            Node.leaf("changeset", stamp),
            Node.leaf("type", "production"),
            new Node.ListOf("formats", List.of(
                Node.leaf("format", "text/xml"),
                Node.leaf("format", "application/json")))))))));
  }

  /** A W3C datetime in UTC with whole seconds, or null. */
  public static String w3c(Instant at) {
    return at == null ? null : W3C.format(at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC).toInstant());
  }
}
