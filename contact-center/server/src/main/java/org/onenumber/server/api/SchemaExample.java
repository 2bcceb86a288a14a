package org.onenumber.server.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An example value built from a JSON schema of the generated OpenAPI document, for the response
 * examples nobody wrote by hand in {@code openapi/examples.yml}. Every field the schema has appears
 * once, with a value of its type: a demo-city value when the field's name says what it is (a
 * language, a queue, a contact id…), otherwise the first enum value or a plain value of the type
 * and format. Built from the schema the controllers produce, so it cannot drift from them. A
 * schema that says nothing (a bare string, a free-form map) gives no example: those are written by
 * hand.
 */
final class SchemaExample {

  private static final String REF = "#/components/schemas/";
  private static final int DEPTH = 6;

  /** Demo-city values by field name, used when the field's type is a string. */
  private static final Map<String, Object> BY_NAME = Map.ofEntries(
      Map.entry("id", "01JED4M3Q6N1R8X2V5T7K9W0AB"), Map.entry("contactId", "01JED4M3Q6N1R8X2V5T7K9W0AB"),
      Map.entry("citizenId", "ctz-7Q2M9X"), Map.entry("chatId", "chat-3KX9"), Map.entry("offerId", "off-5T7K9W"),
      Map.entry("agentId", "op-022"), Map.entry("agent", "op-022"), Map.entry("toAgent", "op-023"),
      Map.entry("assignee", "staff-water-01"), Map.entry("author", "op-022"), Map.entry("actor", "op-022"),
      Map.entry("user", "op-022"), Map.entry("createdBy", "op-022"), Map.entry("updatedBy", "op-022"),
      Map.entry("revokedBy", "admin"), Map.entry("supervisor", "sv-01"), Map.entry("worker", "welfare-03"),
      Map.entry("queue", "english"), Map.entry("queueId", "english"), Map.entry("toQueue", "chinese"),
      Map.entry("language", "en"), Map.entry("preferredLanguage", "ko"), Map.entry("channel", "CHAT"),
      Map.entry("department", "water"), Map.entry("toDepartment", "roads"), Map.entry("district", "Jongno-gu"),
      Map.entry("caseNumber", "C-2026-000117"), Map.entry("seniorId", "sr-0042"), Map.entry("skill", "general"),
      Map.entry("phone", "+82 10-5555-0123"), Map.entry("callerNumber", "+82 10-5555-0123"),
      Map.entry("phoneLast4", "0123"), Map.entry("email", "kim@example.org"), Map.entry("name", "Kim Minsu"),
      Map.entry("title", "Paying the water bill"), Map.entry("topic", "Streetlight out on Sejong-daero 110"),
      Map.entry("category", "streetlight"), Map.entry("state", "CONNECTED"), Map.entry("status", "IN_PROGRESS"),
      Map.entry("outcome", "RESOLVED"), Map.entry("role", "OPERATOR"), Map.entry("reason", "citizen asked"),
      Map.entry("note", "Explained the e-bill"), Map.entry("publicNote", "We are working on it."),
      Map.entry("body", "Pay online at the city's water portal."), Map.entry("text", "Thank you, it is fixed."),
      Map.entry("summary", "Water bill question answered"), Map.entry("address", "110 Sejong-daero, Jung-gu"),
      Map.entry("token", "q3M0d2VyLWJpbGwtMTIz"), Map.entry("sha256", "9f86d081884c7d65…"),
      Map.entry("mediaType", "image/jpeg"), Map.entry("error", "invalid_input"), Map.entry("zone", "Asia/Seoul"),
      Map.entry("openedAt", "2026-12-02T09:14:05Z"), Map.entry("sendAt", "2026-12-02T08:00:00Z"),
      Map.entry("contact", "01JED4M3Q6N1R8X2V5T7K9W0AB"), Map.entry("loggedInQueue", "english"),
      Map.entry("availability", "AVAILABLE"), Map.entry("breakReason", "lunch"), Map.entry("priority", "NORMAL"),
      Map.entry("kind", "STATUS"), Map.entry("detail", "accepted by the roads department"),
      Map.entry("direction", "INBOUND"), Map.entry("mode", "SILENT"), Map.entry("strategy", "LONGEST_IDLE"),
      Map.entry("type", "pothole"), Map.entry("value", "Jongno-gu"), Map.entry("source", "web"),
      Map.entry("purpose", "answering the citizen's contact"), Map.entry("recordType", "contact"),
      Map.entry("recordId", "01JED4M3Q6N1R8X2V5T7K9W0AB"), Map.entry("prefix", "onk_3F9a"),
      Map.entry("url", "https://120.city.example/"), Map.entry("playUrl", "/api/v1/contacts/01JED4M3Q6N1R8X2V5T7K9W0AB/recording"));

  private SchemaExample() {}

  /** The example for {@code schema}, following references into {@code schemas}. */
  static Object of(Map<String, Object> schema, Map<String, Object> schemas) {
    Object example = value("value", schema, schemas, 0);
    return example instanceof Map<?, ?> || example instanceof List<?> ? example : null;
  }

  @SuppressWarnings("unchecked")
  private static Object value(String name, Map<String, Object> schema, Map<String, Object> schemas, int depth) {
    if (schema == null || depth > DEPTH) {
      return null;
    }
    if (schema.get("$ref") instanceof String ref && ref.startsWith(REF)) {
      return value(name, (Map<String, Object>) schemas.get(ref.substring(REF.length())), schemas, depth + 1);
    }
    if (schema.get("allOf") instanceof List<?> parts && !parts.isEmpty()) {
      return value(name, (Map<String, Object>) parts.get(0), schemas, depth + 1);
    }
    if (schema.get("example") != null) {
      return schema.get("example");
    }
    if (schema.get("enum") instanceof List<?> values && !values.isEmpty()) {
      return values.get(0);
    }
    String type = String.valueOf(schema.getOrDefault("type", schema.containsKey("properties") ? "object" : ""));
    return switch (type) {
      case "object" -> object(schema, schemas, depth);
      case "array" -> {
        List<Object> items = new ArrayList<>();
        Object item = value(singular(name), (Map<String, Object>) schema.get("items"), schemas, depth + 1);
        if (item != null) {
          items.add(item);
        }
        yield items;
      }
      case "integer" -> 3;
      case "number" -> name.toLowerCase(Locale.ROOT).contains("percent") ? 91.2 : 0.9;
      case "boolean" -> true;
      case "string" -> string(name, (String) schema.get("format"));
      default -> null;
    };
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Map<String, Object> schema, Map<String, Object> schemas, int depth) {
    Map<String, Object> object = new LinkedHashMap<>();
    if (schema.get("properties") instanceof Map<?, ?> properties) {
      ((Map<String, Object>) properties).forEach((field, property) ->
          object.put(field, value(field, (Map<String, Object>) property, schemas, depth + 1)));
    } else if (schema.get("additionalProperties") instanceof Map<?, ?> values && depth > 0) {
      object.put("key", value("value", (Map<String, Object>) values, schemas, depth + 1));
    }
    return object;
  }

  private static Object string(String name, String format) {
    if ("date-time".equals(format)) {
      return "2026-12-02T09:15:00Z";
    }
    if ("date".equals(format)) {
      return "2026-12-02";
    }
    return BY_NAME.getOrDefault(name, name);
  }

  private static String singular(String name) {
    if (name.endsWith("ies")) {
      return name.substring(0, name.length() - 3) + "y";
    }
    return name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }
}
