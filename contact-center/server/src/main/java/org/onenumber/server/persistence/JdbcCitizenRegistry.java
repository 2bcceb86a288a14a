package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.citizen.Consent;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.CitizenRegistry;

/**
 * Citizens in tables {@code citizen} and {@code citizen_identity}; a merged citizen is a redirect
 * ({@code merged_into}) that {@link #find} follows. Thread-safe.
 */
@Singleton
public final class JdbcCitizenRegistry implements CitizenRegistry {

  /** Tables whose rows belong to a citizen and follow them when they are merged. */
  private static final List<String> HISTORY = List.of("citizen_identity", "contact", "case_file", "happy_call");

  private final Jdbc jdbc;

  public JdbcCitizenRegistry(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Citizen> find(CitizenId id) {
    Optional<String> mergedInto = jdbc.queryOne("select merged_into from citizen where id = ?",
        row -> Optional.ofNullable(row.getString(1)), id.value()).flatMap(m -> m);
    String current = mergedInto.orElse(id.value());
    return jdbc.queryOne("select * from citizen where id = ?", this::citizen, current);
  }

  /**
   * One statement (a webhook's hot path, issue 11): the citizen's row once per identity they hold,
   * each with that identity ({@code o_kind}, {@code o_identity}).
   */
  @Override
  public Optional<Citizen> findByIdentity(CitizenIdentity identity) {
    List<Object[]> rows = jdbc.query("select c.*, o.kind as o_kind, o.identity as o_identity from citizen c"
        + " join citizen_identity i on i.citizen_id = c.id join citizen_identity o on o.citizen_id = c.id"
        + " where i.kind = ? and i.identity = ?", row -> new Object[] {citizen(row, Set.of()),
            CitizenIdentity.of(row.getString("o_kind"), row.getString("o_identity"))},
        identity.kind(), identity.value());
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Citizen first = (Citizen) rows.get(0)[0];
    Set<CitizenIdentity> identities = new HashSet<>();
    rows.forEach(row -> identities.add((CitizenIdentity) row[1]));
    return Optional.of(new Citizen(first.id(), first.name(), Set.copyOf(identities), first.preferredLanguage(),
        first.consent()));
  }

  @Override
  public void save(Citizen citizen) {
    jdbc.inTransaction(() -> {
      Consent consent = citizen.consent();
      int updated = jdbc.update("update citizen set name = ?, preferred_language = ?, store_history = ?,"
              + " record_calls = ?, sms_opt_out = ? where id = ?", citizen.name(), citizen.preferredLanguage().code(),
          consent.storeHistory(), consent.recordCalls(), consent.smsOptOut(), citizen.id().value());
      if (updated == 0) {
        jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
                + " values (?, ?, ?, ?, ?, ?)", citizen.id().value(), citizen.name(), citizen.preferredLanguage().code(),
            consent.storeHistory(), consent.recordCalls(), consent.smsOptOut());
      }
      Set<CitizenIdentity> stored = updated == 0 ? new HashSet<>() : new HashSet<>(identities(citizen.id()));
      for (CitizenIdentity identity : citizen.identities()) {
        if (!stored.contains(identity)) {
          findByIdentity(identity).ifPresent(other -> {
            throw new InvalidInputException("identity " + identity.masked() + " belongs to another citizen");
          });
          jdbc.update("insert into citizen_identity (kind, identity, citizen_id) values (?, ?, ?)",
              identity.kind(), identity.value(), citizen.id().value());
        }
      }
      return null;
    });
  }

  /**
   * One insert of the citizen and one batch of identities; on PostgreSQL one statement (the
   * identities' insert a data-modifying {@code with} part of the citizen's; issue 11). An identity
   * taken meanwhile fails on its key.
   */
  @Override
  public void create(Citizen citizen) {
    Consent consent = citizen.consent();
    List<Object> args = new ArrayList<>();
    citizen.identities().forEach(identity -> args.addAll(List.of(identity.kind(), identity.value(), citizen.id().value())));
    String identities = String.join(", ", java.util.Collections.nCopies(citizen.identities().size(), "(?, ?, ?)"));
    args.addAll(java.util.Arrays.asList(citizen.id().value(), citizen.name(), citizen.preferredLanguage().code(),
        consent.storeHistory(), consent.recordCalls(), consent.smsOptOut()));
    if (jdbc.postgres() && !citizen.identities().isEmpty()) {
      jdbc.update("with identity as (insert into citizen_identity (kind, identity, citizen_id) values " + identities
          + ") " + CITIZEN_INSERT, args.toArray());
      return;
    }
    jdbc.inTransaction(() -> {
      jdbc.update(CITIZEN_INSERT, args.subList(args.size() - 6, args.size()).toArray());
      jdbc.batch("insert into citizen_identity (kind, identity, citizen_id) values (?, ?, ?)", citizen.identities()
          .stream().map(identity -> new Object[] {identity.kind(), identity.value(), citizen.id().value()}).toList());
      return null;
    });
  }

  private static final String CITIZEN_INSERT = "insert into citizen (id, name, preferred_language, store_history,"
      + " record_calls, sms_opt_out) values (?, ?, ?, ?, ?, ?)";

  @Override
  public void merge(CitizenId from, CitizenId into) {
    jdbc.inTransaction(() -> {
      for (String table : HISTORY) {
        jdbc.update("update " + table + " set citizen_id = ? where citizen_id = ?", into.value(), from.value());
      }
      jdbc.update("update citizen set merged_into = ? where id = ? or merged_into = ?", into.value(), from.value(),
          from.value());
      return null;
    });
  }

  private Set<CitizenIdentity> identities(CitizenId id) {
    return Set.copyOf(jdbc.query("select kind, identity from citizen_identity where citizen_id = ?",
        row -> CitizenIdentity.of(row.getString("kind"), row.getString("identity")), id.value()));
  }

  private Citizen citizen(ResultSet row) throws SQLException {
    return citizen(row, identities(new CitizenId(row.getString("id"))));
  }

  private static Citizen citizen(ResultSet row, Set<CitizenIdentity> identities) throws SQLException {
    return new Citizen(new CitizenId(row.getString("id")), row.getString("name"), identities,
        new Language(row.getString("preferred_language")),
        new Consent(row.getBoolean("store_history"), row.getBoolean("record_calls"), row.getBoolean("sms_opt_out")));
  }
}
