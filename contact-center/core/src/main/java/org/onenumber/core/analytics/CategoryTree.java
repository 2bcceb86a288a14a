package org.onenumber.core.analytics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.error.InvalidInputException;

/**
 * The city's category tree, read from a tab-separated file with the header
 * {@code code name_ko name_en department}, one node a line ({@code #} lines are comments). The
 * code says the level: {@code roads} is a service, {@code roads.surface} a category under it,
 * {@code roads.surface.pothole} a type under that; parents come before children, codes are
 * unique, and every type names its department. Immutable, thread-safe.
 */
public final class CategoryTree {

  private static final String HEADER = "code\tname_ko\tname_en\tdepartment";

  /** A service or category node: its names (types are {@link ComplaintType}s). */
  public record Node(String code, String nameKo, String nameEn) {}

  private final Map<String, Node> nodes;
  private final Map<String, ComplaintType> types;
  private final List<ComplaintType> ordered;
  private final List<Node> services;

  private CategoryTree(Map<String, Node> nodes, Map<String, ComplaintType> types) {
    this.nodes = Map.copyOf(nodes);
    this.types = Map.copyOf(types);
    this.ordered = List.copyOf(types.values());
    this.services = nodes.values().stream().filter(n -> n.code().indexOf('.') < 0).toList();
  }

  /** Parses the TSV form; a wrong header, a short line or an orphan is an {@link InvalidInputException}. */
  public static CategoryTree read(Reader source) {
    Map<String, Node> nodes = new LinkedHashMap<>();
    Map<String, ComplaintType> types = new LinkedHashMap<>();
    try (BufferedReader in = new BufferedReader(source)) {
      String line;
      boolean header = false;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        if (!header) {
          if (!line.strip().equals(HEADER)) {
            throw new InvalidInputException("the category tree must start with the header: " + HEADER);
          }
          header = true;
          continue;
        }
        add(line.split("\t", -1), number, nodes, types);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new CategoryTree(nodes, types);
  }

  private static void add(String[] f, int number, Map<String, Node> nodes, Map<String, ComplaintType> types) {
    if (f.length != 4) {
      throw new InvalidInputException("line " + number + " of the category tree needs 4 tab-separated fields");
    }
    String code = f[0].strip();
    String[] path = code.split("\\.");
    if (nodes.containsKey(code) || types.containsKey(code) || path.length > 3) {
      throw new InvalidInputException("line " + number + ": duplicate code or more than three levels");
    }
    String parent = path.length == 1 ? null : code.substring(0, code.lastIndexOf('.'));
    if (parent != null && !nodes.containsKey(parent)) {
      throw new InvalidInputException("line " + number + ": the parent of a node must come before it");
    }
    if (path.length < 3) {
      nodes.put(code, new Node(code, f[1].strip(), f[2].strip()));
    } else {
      types.put(code, new ComplaintType(code, path[0], parent, f[1].strip(), f[2].strip(), f[3].strip()));
    }
  }

  /** The type with that code. */
  public Optional<ComplaintType> find(String code) {
    return Optional.ofNullable(types.get(code));
  }

  /** The service or category with that code. */
  public Optional<Node> node(String code) {
    return Optional.ofNullable(nodes.get(code));
  }

  /** Every type, in file order. */
  public List<ComplaintType> types() {
    return ordered;
  }

  /** The services, in file order. */
  public List<Node> services() {
    return services;
  }
}
