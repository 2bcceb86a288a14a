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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.reform.Cause;
import org.onenumber.core.reform.ReformLadder;
import org.onenumber.core.reform.ReformTask;
import org.onenumber.server.analytics.Dispositions;

/**
 * The reform board: supervisors, administrators and analysts tag an issue with its cause and open a
 * reform task, climb the ladder ({@code onenumber.reform.ladder}, four steps by default) and close
 * it; every answer carries the before/after figures of the task's category
 * ({@link ReformFigures}). Bad input is 400, an illegal move 409, nothing half-written.
 */
@Controller("/api/v1/reform")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured({"SUPERVISOR", "ADMIN", "ANALYST"})
@Tag(name = "reform")
final class ReformController {

  private static final int MAX_TEXT = 200;
  private static final int MAX_NOTE = 2000;
  private static final java.util.regex.Pattern ISSUE =
      java.util.regex.Pattern.compile("cell:-?\\d{1,9}:-?\\d{1,9}|([a-z0-9_.-]{1,64})@(?:city|area:-?\\d{1,9}:-?\\d{1,9})");
  private final JdbcReformTasks tasks;
  private final ReformFigures figures;
  private final Dispositions types;
  private final ReformLadder ladder;
  private final InstantSource clock;

  ReformController(JdbcReformTasks tasks, ReformFigures figures, Dispositions types, InstantSource clock,
      @Value("${onenumber.reform.ladder:answer on the spot,department fix,process change,law or system change}")
      List<String> ladder) {
    this.tasks = tasks;
    this.figures = figures;
    this.types = types;
    this.clock = clock;
    this.ladder = new ReformLadder(ladder);
  }

  @Get("/tasks")
  @Operation(summary = "The reform board: the ladder's steps, the causes, and every task with its before/after "
      + "figures")
  Map<String, Object> board() {
    return Map.of("ladder", ladder.steps(), "causes", Arrays.stream(Cause.values()).map(Enum::name).toList(),
        "items", tasks.all().stream().map(this::view).toList());
  }

  @Get("/tasks/{id}")
  @Operation(summary = "One reform task with its history and before/after figures")
  Map<String, Object> one(@PathVariable String id) {
    return view(find(id));
  }

  @Post("/tasks")
  @Operation(summary = "Tag an issue with its cause (LAW, PROCESS, PRACTICE, SYSTEM) and open a reform task on a "
      + "step of the ladder, with owner and due date")
  Map<String, Object> open(@Body ReformBodies.Open body, Authentication who) {
    InvalidInputException.require(body, "body");
    String type = types.check(body.type()).code();
    ReformTask task = ReformTask.open(UUID.randomUUID().toString(), issue(body.issue()), type,
        cause(body.cause()), text(body.title(), "title", MAX_TEXT), text(body.owner(), "owner", 64), date(body.due()),
        body.step() == null ? 1 : body.step(), ladder, who.getName(), clock.instant());
    tasks.save(task);
    return view(task);
  }

  @Post("/tasks/{id}/climb")
  @Operation(summary = "Move a reform task up the ladder to a higher step (its fix takes effect now)")
  Map<String, Object> climb(@PathVariable String id, @Body ReformBodies.Climb body, Authentication who) {
    Integer step = InvalidInputException.require(body, "body").step();
    InvalidInputException.require(step, "step");
    ReformTask next = find(id).climb(step, ladder, who.getName(), clock.instant(), note(body.note()));
    tasks.save(next);
    return view(next);
  }

  @Post("/tasks/{id}/close")
  @Operation(summary = "Close a reform task: the fix is done; its before/after figures keep growing until the "
      + "window after the fix is over")
  Map<String, Object> close(@PathVariable String id, @Nullable @Body ReformBodies.Close body, Authentication who) {
    ReformTask closed = find(id).close(who.getName(), clock.instant(), note(body == null ? null : body.note()));
    tasks.save(closed);
    return view(closed);
  }

  private ReformTask find(String id) {
    return tasks.find(id).orElseThrow(() -> new NotFoundException("reform task", id));
  }

  private Map<String, Object> view(ReformTask t) {
    return ReformViews.task(t, ladder, figures.of(t.type(), t.fixedAt()));
  }

  /** An issue picked from the map or the alerts: a cell, or a type's burst city-wide or in an area. */
  private String issue(String given) {
    String key = text(given, "issue", MAX_TEXT);
    java.util.regex.Matcher m = ISSUE.matcher(key);
    if (!m.matches() || m.group(1) != null && types.tree().find(m.group(1)).filter(t -> t.code().equals(m.group(1)))
        .isEmpty()) {
      throw new InvalidInputException("issue must be a key from the hotspot map or the alerts: cell:<row>:<col>, "
          + "<type>@city or <type>@area:<row>:<col>");
    }
    return key;
  }

  private static Cause cause(String cause) {
    String name = InvalidInputException.requireText(cause, "cause").strip().toUpperCase(Locale.ROOT);
    return Arrays.stream(Cause.values()).filter(c -> c.name().equals(name)).findFirst()
        .orElseThrow(() -> new InvalidInputException("cause must be LAW, PROCESS, PRACTICE or SYSTEM"));
  }

  private static String text(String value, String field, int max) {
    String text = InvalidInputException.requireText(value, field).strip();
    if (text.length() > max) {
      throw new InvalidInputException(field + " must be at most " + max + " characters");
    }
    return text;
  }

  private static String note(String note) {
    return note == null || note.isBlank() ? null : text(note, "note", MAX_NOTE);
  }

  private static LocalDate date(String due) {
    try {
      return LocalDate.parse(InvalidInputException.requireText(due, "due").strip());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("due must be a date (YYYY-MM-DD)");
    }
  }
}
