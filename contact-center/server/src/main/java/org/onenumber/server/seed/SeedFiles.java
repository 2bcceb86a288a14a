package org.onenumber.server.seed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Department;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.Audience;
import org.onenumber.core.knowledge.Facility;
import org.onenumber.core.knowledge.ValidityPeriod;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads the seed YAML files (lists of maps) into domain values. Fails loudly on a bad file. */
final class SeedFiles {

  /** A department with the case categories it files under. */
  record SeedDepartment(Department department, List<String> categories) {}

  /** A non-operator account. */
  record SeedAccount(String login, String name, String role, String department) {}

  /** The demo city's time zone: seed dates start at its midnight. */
  static final ZoneId CITY_ZONE = ZoneId.of("Asia/Seoul");

  private SeedFiles() {}

  static List<SeedDepartment> departments() {
    return read("departments.yml").stream().map(m -> new SeedDepartment(new Department(
        new DepartmentId(str(m, "id")), str(m, "nameKo"), str(m, "nameEn"), str(m, "deskPhone"),
        Duration.ofDays(((Number) m.get("caseDueDays")).longValue())), strings(m, "categories"))).toList();
  }

  static List<Queue> queues() {
    return read("queues.yml").stream().map(m -> new Queue(new QueueId(str(m, "id")), str(m, "name"),
        strings(m, "languages").stream().map(Language::new).collect(Collectors.toSet()),
        strings(m, "channels").stream().map(Channel::valueOf).collect(Collectors.toSet()),
        requiredSkills(m), ((Number) m.get("priority")).intValue(),
        Duration.ofSeconds(((Number) m.get("serviceLevelSeconds")).longValue()))).toList();
  }

  @SuppressWarnings("unchecked")
  static List<Agent> agents() {
    return read("agents.yml").stream().map(m -> {
      Map<String, Object> skills = (Map<String, Object>) m.get("skills");
      Set<SkillLevel> levels = skills.entrySet().stream()
          .map(e -> SkillLevel.of(e.getKey(), ((Number) e.getValue()).intValue())).collect(Collectors.toSet());
      return new Agent(new AgentId(str(m, "id")), str(m, "name"), levels,
          strings(m, "languages").stream().map(Language::new).collect(Collectors.toSet()),
          new ChannelCapacity(((Number) m.get("maxMessaging")).intValue()),
          strings(m, "queues").stream().map(QueueId::new).collect(Collectors.toSet()), AgentState.OFFLINE, null);
    }).toList();
  }

  static List<SeedAccount> accounts() {
    return read("accounts.yml").stream().map(m -> new SeedAccount(str(m, "login"), str(m, "name"), str(m, "role"),
        (String) m.get("department"))).toList();
  }

  @SuppressWarnings("unchecked")
  static List<AnswerContent> answers() {
    return read("answers.yml").stream().map(m -> {
      Map<String, Object> f = (Map<String, Object>) m.get("facility");
      Facility facility = f == null ? null : new Facility(((Number) f.get("latitude")).doubleValue(),
          ((Number) f.get("longitude")).doubleValue(), str(f, "address"), str(f, "openingHours"), str(f, "type"));
      return new AnswerContent(str(m, "externalId"), str(m, "title"), str(m, "body").strip(),
          new Language(str(m, "language")), str(m, "department"), str(m, "category"), strings(m, "keywords"),
          strings(m, "synonyms"), Audience.PUBLIC, new ValidityPeriod(day(m, "validFrom"), day(m, "validUntil")),
          facility);
    }).toList();
  }

  /**
   * The start of an optional ISO date ({@code 2027-03-16}) in the demo city's time zone; null when
   * absent. YAML reads a bare date as a timestamp at midnight UTC, a quoted one as text.
   */
  private static Instant day(Map<String, Object> m, String key) {
    Object value = m.get(key);
    if (value == null) {
      return null;
    }
    LocalDate date = value instanceof Date d
        ? d.toInstant().atZone(ZoneOffset.UTC).toLocalDate()
        : LocalDate.parse(value.toString());
    return date.atStartOfDay(CITY_ZONE).toInstant();
  }

  @SuppressWarnings("unchecked")
  private static List<SkillLevel> requiredSkills(Map<String, Object> m) {
    List<Map<String, Object>> list = (List<Map<String, Object>>) m.getOrDefault("requiredSkills", List.of());
    return list.stream().map(s -> SkillLevel.of(str(s, "skill"), ((Number) s.get("level")).intValue())).toList();
  }

  private static String str(Map<String, Object> m, String key) {
    Object value = m.get(key);
    if (value == null) {
      throw new IllegalStateException("seed entry " + m + " lacks '" + key + "'");
    }
    return value.toString();
  }

  @SuppressWarnings("unchecked")
  private static List<String> strings(Map<String, Object> m, String key) {
    return ((List<Object>) m.getOrDefault(key, List.of())).stream().map(Object::toString).toList();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> read(String file) {
    try (InputStream in = SeedFiles.class.getResourceAsStream("/seed/" + file)) {
      if (in == null) {
        throw new IllegalStateException("seed file /seed/" + file + " is missing from the classpath");
      }
      return (List<Map<String, Object>>) new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
