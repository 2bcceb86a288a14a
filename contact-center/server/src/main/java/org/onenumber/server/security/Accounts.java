package org.onenumber.server.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.server.persistence.Jdbc;

/**
 * Staff accounts in table {@code account}, passwords hashed with bcrypt (cost 10). Thread-safe.
 * A failed check costs the same time whether or not the login exists.
 */
@Singleton
public final class Accounts {

  private static final int COST = 10;
  /** bcrypt reads at most 72 bytes of a password. */
  public static final int MAX_PASSWORD_BYTES = 72;

  /** A stored account, without its hash; a disabled account can neither log in nor refresh. */
  public record Account(String login, String name, Role role, String department, String agent, boolean disabled) {

    /** What a login token carries beside login and role: name, and the agent or department when set. */
    public Map<String, Object> attributes() {
      Map<String, Object> attributes = new HashMap<>();
      attributes.put("name", name);
      if (agent != null) {
        attributes.put("agent", agent);
      }
      if (department != null) {
        attributes.put("department", department);
      }
      return attributes;
    }
  }

  private final Jdbc jdbc;
  private final String dummyHash;

  public Accounts(Jdbc jdbc) {
    this.jdbc = jdbc;
    this.dummyHash = hash("no such account");
  }

  public String hash(String password) {
    return BCrypt.withDefaults().hashToString(COST, password.toCharArray());
  }

  public void create(String login, String name, Role role, String department, String agent, String passwordHash) {
    jdbc.update("insert into account (login, name, role, department_id, agent_id, password_hash)"
        + " values (?, ?, ?, ?, ?, ?)", login, name, role.name(), department, agent, passwordHash);
  }

  public Optional<Account> find(String login) {
    return jdbc.queryOne("select * from account where login = ?", Accounts::account, login);
  }

  /**
   * At most {@code limit} accounts whose login or name contains {@code text} (any case; blank: all),
   * by login.
   */
  public List<Account> search(String text, int limit) {
    String like = "%" + (text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT)
        .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")) + "%";
    return jdbc.query("select * from account where lower(login) like ? escape '\\' or lower(name) like ? escape '\\'"
        + " order by login limit ?", Accounts::account, like, like, limit);
  }

  private static Account account(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Account(row.getString("login"), row.getString("name"), Role.valueOf(row.getString("role")),
        row.getString("department_id"), row.getString("agent_id"), row.getObject("disabled_at") != null);
  }

  /** Disables (or enables again) {@code login}; false when there is no such account. */
  public boolean setDisabled(String login, Instant at) {
    return jdbc.update("update account set disabled_at = ? where login = ?", at, login) == 1;
  }

  /** The logins of disabled accounts. */
  public List<String> disabledLogins() {
    return jdbc.query("select login from account where disabled_at is not null", row -> row.getString(1));
  }

  /**
   * The account, when {@code password} is its password. A password longer than bcrypt's 72 bytes
   * can be no one's (hashing refuses them) and fails like a wrong one.
   */
  public Optional<Account> verify(String login, String password) {
    Optional<String> stored = jdbc.queryOne("select password_hash from account where login = ?",
        row -> row.getString(1), login);
    byte[] given = password.getBytes(StandardCharsets.UTF_8);
    if (given.length > MAX_PASSWORD_BYTES) {
      given = "too long".getBytes(StandardCharsets.UTF_8);
      stored = Optional.empty();
    }
    boolean ok = BCrypt.verifyer().verify(given,
        stored.orElse(dummyHash).getBytes(StandardCharsets.UTF_8)).verified;
    return ok && stored.isPresent() ? find(login) : Optional.empty();
  }
}
