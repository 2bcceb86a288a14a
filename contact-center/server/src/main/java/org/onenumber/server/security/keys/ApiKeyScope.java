package org.onenumber.server.security.keys;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an API key may do, each scope with the only operations it opens (method and path). A key
 * presented anywhere else is refused with 403 before the operation's own rule runs. The scope's
 * name is also the role the key's {@code Authentication} carries, so a controller or {@code
 * CitizenDataAccess} can tell what the integration was granted.
 */
public enum ApiKeyScope {
  /** Generic intake: {@code POST /api/v1/contacts}, with what an anonymous citizen may set. */
  CONTACTS_CREATE("contacts:create", "POST", "/api/v1/contacts"),
  /** Open311 GeoReport v2 {@code POST requests.{xml,json}}. */
  OPEN311_WRITE("open311:write", "POST", "/open311/v2/requests\\.(xml|json)"),
  /** CRM reads of cases: one case, and a department's cases (audited as views of citizens' data). */
  CASES_READ("cases:read", "GET", "/api/v1/cases/[^/]+", "/api/v1/departments/[^/]+/cases");

  private final String scope;
  private final String method;
  private final List<Pattern> paths;

  ApiKeyScope(String scope, String method, String... paths) {
    this.scope = scope;
    this.method = method;
    this.paths = java.util.Arrays.stream(paths).map(Pattern::compile).toList();
  }

  /** The scope as written in keys, requests and docs, e.g. {@code cases:read}. */
  public String scope() {
    return scope;
  }

  /** True when {@code method path} is one of this scope's operations. */
  public boolean opens(String method, String path) {
    return this.method.equals(method) && paths.stream().anyMatch(p -> p.matcher(path).matches());
  }

  /** The scope whose operations include {@code method path}; empty when no key may call it. */
  public static Optional<ApiKeyScope> forOperation(String method, String path) {
    for (ApiKeyScope s : values()) {
      if (s.opens(method, path)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The scope named {@code text} (case-insensitive); empty for an unknown name. */
  public static Optional<ApiKeyScope> of(String text) {
    String wanted = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (ApiKeyScope s : values()) {
      if (s.scope.equals(wanted)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
