package org.onenumber.server.reform;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.reform.MemberObservation;
import org.onenumber.server.security.Accounts;
import org.onenumber.server.security.Role;
import org.onenumber.server.security.session.AccountSwitch;

/**
 * Citizen monitoring members: supervisors and administrators keep the volunteer roster, file the
 * observations members hand in (optionally about a reform task) and accept or reject each once; an
 * accepted observation earns {@code onenumber.reform.points-per-observation} (10) mileage points in
 * the member's ledger. A member may get a login of their own (role {@code MONITOR}, page
 * {@code /monitoring/}, {@link MemberSelfController}): a login of 3 to 64 of {@code [a-z0-9._-]}
 * not yet taken and a password of 10 to 72 bytes. A member leaves the roster by deactivation (their
 * login disabled, their ledger kept; nothing more is filed for them). Members are people, so analysts are refused
 * (their names are identities).
 */
@Controller("/api/v1/reform")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"SUPERVISOR", "ADMIN"})
@Tag(name = "reform")
final class MonitoringController {

  private static final java.util.regex.Pattern LOGIN = java.util.regex.Pattern.compile("[a-z0-9._-]{3,64}");
  private final JdbcMonitoringMembers members;
  private final Accounts accounts;
  private final AccountSwitch logins;
  private final InstantSource clock;
  private final int points;

  MonitoringController(JdbcMonitoringMembers members, Accounts accounts, AccountSwitch logins, InstantSource clock,
      @Value("${onenumber.reform.points-per-observation:10}") int points) {
    this.members = members;
    this.logins = logins;
    this.accounts = accounts;
    this.clock = clock;
    this.points = points;
  }

  /** A new member's name, and optionally a login and password of their own. */
  @Serdeable
  record Member(@Nullable String name, @Nullable String login, @Nullable String password) {}

  /** What the member observed, optionally about a reform task. */
  @Serdeable
  record Observed(@Nullable String text, @Nullable String task) {}

  @Get("/members")
  @Operation(summary = "The citizen monitoring roster with each member's mileage balance")
  Map<String, Object> roster() {
    return Map.of("items", members.roster());
  }

  @Post("/members")
  @Operation(summary = "Add a volunteer to the citizen monitoring roster")
  Map<String, Object> add(@Body Member body) {
    String name = InvalidInputException.requireText(InvalidInputException.require(body, "body").name(), "name").strip();
    if (name.length() > 100) {
      throw new InvalidInputException("name must be at most 100 characters");
    }
    String id = UUID.randomUUID().toString();
    if (body.login() == null) {
      members.addMember(id, name, clock.instant());
      return Map.of("id", id, "name", name);
    }
    String login = body.login().strip();
    String password = InvalidInputException.requireText(body.password(), "password");
    int bytes = password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (!LOGIN.matcher(login).matches() || accounts.find(login).isPresent()) {
      throw new InvalidInputException("login must be 3 to 64 of a-z 0-9 . _ - and not taken");
    }
    if (bytes < 10 || bytes > Accounts.MAX_PASSWORD_BYTES) {
      throw new InvalidInputException("password must be 10 to 72 bytes");
    }
    members.addMemberWithLogin(id, name, clock.instant(), login,
        () -> accounts.create(login, name, Role.MONITOR, null, null, accounts.hash(password)));
    return Map.of("id", id, "name", name, "login", login);
  }

  @Post("/members/{memberId}/observations")
  @Operation(summary = "File an observation a monitoring member handed in (optionally about a reform task)")
  Map<String, Object> file(@PathVariable String memberId, @Body Observed body) {
    String text = text(InvalidInputException.require(body, "body"));
    if (!standing(memberId).active()) {
      throw new IllegalTransitionException("monitoring member", "DEACTIVATED", "FILED");
    }
    MemberObservation o = MemberObservation.file(UUID.randomUUID().toString(), memberId, body.task(), text,
        clock.instant());
    members.file(o);
    return view(o);
  }

  @Post("/members/{memberId}/deactivate")
  @Operation(summary = "Take a member off the roster: no more observations filed for them, their login disabled; "
      + "their ledger and observations are kept")
  Map<String, Object> deactivate(@PathVariable String memberId, Authentication who) {
    JdbcMonitoringMembers.Standing standing = standing(memberId);
    if (!members.deactivate(memberId, who.getName(), clock.instant())) {
      throw new IllegalTransitionException("monitoring member", "DEACTIVATED", "DEACTIVATED");
    }
    if (standing.login() != null) {
      logins.disable(standing.login(), clock.instant());
    }
    return members.summary(memberId);
  }

  @Get("/members/{memberId}/ledger")
  @Operation(summary = "A member's mileage ledger: the points of each accepted observation, oldest first, and the balance")
  Map<String, Object> ledger(@PathVariable String memberId) {
    standing(memberId);
    Map<String, Object> body = new LinkedHashMap<>(members.summary(memberId));
    body.put("entries", members.ledger(memberId));
    return body;
  }

  private JdbcMonitoringMembers.Standing standing(String memberId) {
    return members.standing(memberId).orElseThrow(() -> new NotFoundException("monitoring member", memberId));
  }

  @Get("/members/{memberId}/observations")
  @Operation(summary = "A member's observations with their decisions and the points each earned")
  Map<String, Object> observations(@PathVariable String memberId) {
    return Map.of("items", members.observationsOf(memberId).stream().map(MonitoringController::view).toList());
  }

  @Post("/observations/{id}/accept")
  @Operation(summary = "Accept a member's observation: it earns the member mileage points (once)")
  Map<String, Object> accept(@PathVariable String id, Authentication who) {
    MemberObservation decided = find(id).accept(points, who.getName(), clock.instant());
    members.decide(decided);
    return view(decided);
  }

  @Post("/observations/{id}/reject")
  @Operation(summary = "Reject a member's observation (no points; decided once)")
  Map<String, Object> reject(@PathVariable String id, Authentication who) {
    MemberObservation decided = find(id).reject(who.getName(), clock.instant());
    members.decide(decided);
    return view(decided);
  }

  private MemberObservation find(String id) {
    return members.observation(id).orElseThrow(() -> new NotFoundException("observation", id));
  }

  /** An observation's text: 1 to 2000 characters. */
  static String text(Observed body) {
    String text = InvalidInputException.requireText(body.text(), "text").strip();
    if (text.length() > 2000) {
      throw new InvalidInputException("text must be at most 2000 characters");
    }
    return text;
  }

  static Map<String, Object> view(MemberObservation o) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("id", o.id());
    row.put("member", o.member());
    row.put("task", o.task());
    row.put("text", o.text());
    row.put("status", o.status().name());
    row.put("points", o.points());
    row.put("filedAt", o.filedAt().toString());
    if (o.decidedAt() != null) {
      row.put("decidedAt", o.decidedAt().toString());
      row.put("decidedBy", o.decidedBy());
    }
    return row;
  }
}
