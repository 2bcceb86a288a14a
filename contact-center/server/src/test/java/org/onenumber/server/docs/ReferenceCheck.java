package org.onenumber.server.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

// reference-check: this file shows the mistakes on purpose

/**
 * Finds dangling references in a checkout. The cases, each reported as {@code file:line: message}:
 *
 * <ol>
 *   <li>A Markdown link {@code [text](target)} (outside fenced code) to a relative path that does
 *       not exist, or that leaves the repository. URLs ({@code https:}, {@code mailto:}) and
 *       {@code #anchors} are not checked.
 *   <li>A Markdown code span or a Java {@code {@code path}} naming a repository path: one whose
 *       first segment is a top-level directory of the repository ({@code bin/run},
 *       {@code contact-center/server}), or that ends in a file name with an extension
 *       ({@code seed/answers.yml}, resolved against the repository, the file's module, its
 *       resources and the file's own directory). Spans with spaces, placeholders ({@code <id>},
 *       {@code {id}}, {@code *}, {@code …}, a {@code /...} segment), URL paths ({@code /api/v1}), build output
 *       ({@code target/}) and the shared data beside the repository ({@code shared/}) are not
 *       paths to check.
 *   <li>A Markdown file named anywhere in a Java file or a code span ({@code API-CONTRACT.md}):
 *       with a folder it must resolve as in 2; a bare name must exist somewhere in the repository.
 *   <li>An absolute machine path ({@code /work/}, {@code /home/}, {@code /root/}, {@code /tmp/},
 *       {@code /Users/}) in a script ({@code bin/}, {@code .ci/}, {@code *.sh}), a Markdown file, a
 *       Java file or a YAML file: a checkout elsewhere would not have it.
 * </ol>
 *
 * A file that shows these mistakes on purpose (this check and its test) says so with the line
 * {@value #SKIP} and is not read. Not thread-safe; one instance per scan.
 */
final class ReferenceCheck {

  /** One finding. {@code file} is relative to the repository root. */
  record Problem(String file, int line, String message) {
    @Override
    public String toString() {
      return file + ":" + line + ": " + message;
    }
  }

  /** The marker line of a file that holds examples of dangling references on purpose. */
  static final String SKIP = "// reference-check: this file shows the mistakes on purpose";
  private static final Set<String> SKIPPED_DIRS = Set.of(".git", "target", "node_modules", ".idea", ".mvn");
  private static final Pattern MD_LINK = Pattern.compile("!?\\[[^\\]]*]\\(\\s*<?([^)\\s>]+)>?(?:\\s+\"[^\"]*\")?\\s*\\)");
  private static final Pattern MD_REF_DEF = Pattern.compile("^\\s{0,3}\\[[^\\]]+]:\\s+(\\S+)");
  private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
  private static final Pattern JAVADOC_CODE = Pattern.compile("\\{@code\\s+([^}\\s]+)}");
  private static final Pattern MD_NAME = Pattern.compile("(?<![\\w./-])([\\w./-]*[\\w-]+\\.md)\\b");
  private static final Pattern ABSOLUTE = Pattern.compile("(?<![\\w$.}/~-])/(work|home|root|tmp|Users)/[\\w.-]*");
  private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
  private static final Pattern NOT_A_PATH = Pattern.compile("[\\s<>{}*…|$=?:,;()\"'\\\\]");
  private static final Pattern EXTENSION = Pattern.compile("\\.[a-z][a-z0-9]{0,9}$");

  private final Path root;
  private final List<Problem> problems = new ArrayList<>();
  private final Set<String> fileNames;

  private ReferenceCheck(Path root) {
    this.root = root.toAbsolutePath().normalize();
    this.fileNames = files().map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.toSet());
  }

  /** Every problem in the checkout at {@code root}, in file order. */
  static List<Problem> scan(Path root) {
    ReferenceCheck check = new ReferenceCheck(root);
    check.files().sorted().forEach(check::scanFile);
    return List.copyOf(check.problems);
  }

  private Stream<Path> files() {
    try {
      List<Path> all = new ArrayList<>();
      Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
        @Override
        public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes a) {
          String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
          boolean skip = !dir.equals(root) && (SKIPPED_DIRS.contains(name)
              || name.startsWith(".") && !name.equals(".ci")
              || dir.getParent().equals(root) && name.equals("data"));
          return skip ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
        }

        @Override
        public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes a) {
          all.add(file);
          return java.nio.file.FileVisitResult.CONTINUE;
        }
      });
      return all.stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void scanFile(Path file) {
    String name = file.getFileName().toString();
    String relative = root.relativize(file).toString().replace('\\', '/');
    boolean script = relative.startsWith("bin/") || relative.startsWith(".ci/") || name.endsWith(".sh");
    boolean markdown = name.endsWith(".md");
    boolean java = name.endsWith(".java");
    boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
    if (!script && !markdown && !java && !yaml) {
      return;
    }
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      return; // not UTF-8 text (a binary helper in bin/): nothing to read
    }
    if (lines.contains(SKIP)) {
      return;
    }
    boolean fenced = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      int number = i + 1;
      absolutePaths(relative, number, line);
      if (markdown) {
        if (line.strip().startsWith("```") || line.strip().startsWith("~~~")) {
          fenced = !fenced;
          continue;
        }
        if (!fenced) {
          markdownLine(file, relative, number, line);
        }
      } else if (java) {
        javaLine(file, relative, number, line);
      }
    }
  }

  private void absolutePaths(String relative, int number, String line) {
    Matcher m = ABSOLUTE.matcher(line);
    while (m.find()) {
      problems.add(new Problem(relative, number, "absolute machine path '" + m.group()
          + "': use a path relative to the repository, a setting or an environment variable"));
    }
  }

  private void markdownLine(Path file, String relative, int number, String line) {
    Matcher span = CODE_SPAN.matcher(line);
    while (span.find()) {
      if (!line.startsWith("](", span.end())) { // a span that is a link's text is checked as the link
        codeReference(file, relative, number, span.group(1).strip());
      }
    }
    String outsideCode = CODE_SPAN.matcher(line).replaceAll(s -> " ".repeat(s.group().length()));
    Matcher link = MD_LINK.matcher(outsideCode);
    while (link.find()) {
      link(file, relative, number, link.group(1));
    }
    Matcher def = MD_REF_DEF.matcher(outsideCode);
    if (def.find()) {
      link(file, relative, number, def.group(1));
    }
  }

  private void link(Path file, String relative, int number, String target) {
    if (target.startsWith("#") || SCHEME.matcher(target).find()) {
      return;
    }
    String path = target.replaceAll("[#?].*$", "");
    if (path.isEmpty()) {
      return;
    }
    path = URLDecoder.decode(path, StandardCharsets.UTF_8);
    Path resolved = (path.startsWith("/") ? root.resolve(path.substring(1)) : file.getParent().resolve(path)).normalize();
    if (!resolved.startsWith(root)) {
      problems.add(new Problem(relative, number, "link '" + target + "' points outside the repository"));
    } else if (!Files.exists(resolved)) {
      problems.add(new Problem(relative, number, "link '" + target + "' points to " + root.relativize(resolved)
          + ", which does not exist"));
    }
  }

  private void javaLine(Path file, String relative, int number, String line) {
    Matcher code = JAVADOC_CODE.matcher(line);
    while (code.find()) {
      codeReference(file, relative, number, code.group(1));
    }
    String outsideCode = JAVADOC_CODE.matcher(line).replaceAll("");
    Matcher md = MD_NAME.matcher(outsideCode);
    while (md.find()) {
      markdownName(file, relative, number, md.group(1));
    }
  }

  /** Cases 2 and 3 for one code span or {@code {@code …}} text. */
  private void codeReference(Path file, String relative, int number, String text) {
    String path = text.startsWith("./") ? text.substring(2) : text;
    if (path.isEmpty() || NOT_A_PATH.matcher(path).find() || path.startsWith("/") || path.startsWith("..")
        || path.contains("/...") // an elided path (telephony/.../Foo.java) is prose, not a reference
        || path.startsWith("shared/") || path.equals("shared") || path.startsWith("target/") || path.contains("/target/")) {
      return;
    }
    if (path.endsWith(".md")) {
      markdownName(file, relative, number, path);
      return;
    }
    String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    int slash = trimmed.indexOf('/');
    if (slash < 0) {
      return;
    }
    String first = trimmed.substring(0, slash);
    boolean topLevel = !first.isEmpty() && Files.isDirectory(root.resolve(first));
    boolean fileName = EXTENSION.matcher(trimmed).find();
    if (!topLevel && !fileName) {
      return;
    }
    if (topLevel ? !Files.exists(root.resolve(trimmed)) : !resolvesNear(file, trimmed)) {
      problems.add(new Problem(relative, number, "'" + text + "' names a repository path that does not exist"));
    }
  }

  private void markdownName(Path file, String relative, int number, String name) {
    boolean exists = name.contains("/") ? resolvesNear(file, name) : fileNames.contains(name);
    if (!exists) {
      problems.add(new Problem(relative, number, "'" + name + "' is not a file in the repository"));
    }
  }

  /** Whether {@code path} exists under the repository, the file's module (and its resources) or the file's folder. */
  private boolean resolvesNear(Path file, String path) {
    List<Path> bases = new ArrayList<>(List.of(root, file.getParent()));
    for (Path dir = file.getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("pom.xml"))) {
        bases.addAll(List.of(dir, dir.resolve("src/main/resources"), dir.resolve("src/test/resources"),
            dir.resolve("src/main")));
        break;
      }
    }
    return bases.stream().anyMatch(base -> Files.exists(base.resolve(path).normalize()));
  }
}
