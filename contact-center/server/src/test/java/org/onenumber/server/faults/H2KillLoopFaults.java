package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The torn H2 commit after SIGKILL (issue 11, README "Crash safety"), looked for in a loop: a child JVM
 * ({@link H2KillLoopWriter}) writes the server's H2 file through the server's {@code Jdbc} from several
 * threads (a citizen, its identity and a contact with its steps per transaction) and is killed with SIGKILL
 * after a random 0.3–1.5 s, again and again on the same file. After each kill the file is opened and
 * checked: it opens ({@code unopenable} counts the kills after which H2 refused the file; the loop goes on with
 * a new one), every contact whose commit had returned is there with its CREATED step ({@code lost} counts
 * those missing), and no transaction is there in part ({@code torn}: a contact without its CREATED step, or
 * a citizen of the loop without its contact). Not in the default run (not named {@code *IT}); run by
 * {@code bin/faults h2-kill-loop [kills]}. Properties: {@code faults.kills} (30), {@code faults.h2.threads}
 * (16), {@code faults.h2.single-writer} (true: the server's default), {@code faults.h2.retention-ms} (the
 * server's default; -1 leaves H2's own 45 s). Prints {@code RESULT faults scenario=h2-kill-loop kills=…
 * torn=… lost=… unopenable=…}.
 */
class H2KillLoopFaults {

  private static final int KILLS = Integer.getInteger("faults.kills", 30);
  private static final int THREADS = Integer.getInteger("faults.h2.threads", 16);
  private static final String SINGLE_WRITER = System.getProperty("faults.h2.single-writer", "true");
  private static final int RETENTION_MS = Integer.getInteger("faults.h2.retention-ms", -1);

  /** The same without Maven, on the test classpath: {@code java -cp … org.onenumber.server.faults.H2KillLoopFaults}. */
  public static void main(String[] args) throws Exception {
    new H2KillLoopFaults().noTransactionIsTornAndNothingAcknowledgedIsLostAcrossKills();
  }

  @Test
  void noTransactionIsTornAndNothingAcknowledgedIsLostAcrossKills() throws Exception {
    Path dir = Files.createTempDirectory("onenumber-h2-kill-loop");
    String url = H2KillLoopWriter.url(dir);
    Random random = new Random(Long.getLong("faults.seed", 11));
    Set<String> acked = new HashSet<>();
    Set<String> torn = new HashSet<>();
    Set<String> lost = new HashSet<>();
    int unopenable = 0;
    String load = load();
    long started = System.nanoTime();
    for (int kill = 1; kill <= KILLS; kill++) {
      Set<String> ackedNow = runAndKill(dir, kill * 10_000_000L, 300 + random.nextInt(1200));
      if (ackedNow == null) {
        // the file could not be opened after the last kill: counted, and the loop goes on with a new file
        unopenable++;
        System.out.printf("h2-kill-loop kill %d: the file from the kill before cannot be opened%n", kill);
        lost.addAll(acked);
        acked.clear();
        dir = Files.createTempDirectory("onenumber-h2-kill-loop");
        url = H2KillLoopWriter.url(dir);
        continue;
      }
      acked.addAll(ackedNow);
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        Set<String> stored = strings(s, "select c.id from contact c join contact_step s on s.contact_id = c.id"
            + " and s.seq = (select min(seq) from contact_step f where f.contact_id = c.id) and s.state = 'CREATED'"
            + " where c.id like 'kill-%'");
        Set<String> tornNow = strings(s, "select c.id from contact c where c.id like 'kill-%' and not exists"
            + " (select 1 from contact_step s where s.contact_id = c.id and s.state = 'CREATED')");
        tornNow.addAll(strings(s, "select z.id from citizen z where z.id like 'cz-%' and not exists"
            + " (select 1 from contact c where c.citizen_id = z.id)"));
        torn.addAll(tornNow);
        for (String contact : acked) {
          if (!stored.contains(contact)) {
            lost.add(contact);
          }
        }
        System.out.printf("h2-kill-loop kill %d: acked %d stored %d torn %d lost %d%n", kill, acked.size(),
            stored.size(), torn.size(), lost.size());
      } catch (SQLException e) {
        unopenable++;
        System.out.printf("h2-kill-loop kill %d: the file cannot be opened: %s%n", kill, e.getMessage().split("\n")[0]);
        lost.addAll(acked);
        acked.clear();
        dir = Files.createTempDirectory("onenumber-h2-kill-loop");
        url = H2KillLoopWriter.url(dir);
      }
    }
    System.out.printf("RESULT faults scenario=h2-kill-loop kills=%d torn=%d lost=%d unopenable=%d acked=%d threads=%d"
        + " single_writer=%s retention_ms=%d h2=%s seconds=%.0f load=%s%n", KILLS, torn.size(), lost.size(), unopenable,
        acked.size(), THREADS, SINGLE_WRITER, RETENTION_MS, org.h2.engine.Constants.FULL_VERSION,
        (System.nanoTime() - started) / 1e9, load + "->" + load());
    assertEquals(Set.of(), torn, "transactions stored in part (a contact without its CREATED step, a citizen without its contact)");
    assertEquals(Set.of(), lost, "contacts whose commit had returned, missing after the kill");
    assertEquals(0, unopenable, "kills after which H2 could not open the file");
  }

  /**
   * Starts the writer, lets it write for {@code millis} once ready, kills it with SIGKILL; returns what it
   * acknowledged, or null when it ended before it was ready (H2 refused to open the file).
   */
  private static Set<String> runAndKill(Path dir, long firstId, int millis) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), H2KillLoopWriter.class.getName(), dir.toString(),
        Long.toString(firstId), Integer.toString(THREADS), Integer.toString(RETENTION_MS), SINGLE_WRITER));
    Process writer = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    Set<String> acked = ConcurrentHashMap.newKeySet();
    CountDownLatch ready = new CountDownLatch(1);
    Thread reader = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.startsWith("ready")) {
            ready.countDown();
          } else if (line.startsWith("kill-")) {
            acked.add(line);
          }
        }
      } catch (IOException e) {
        // the writer was killed
      }
    });
    reader.start();
    while (!ready.await(1, TimeUnit.SECONDS)) {
      if (!writer.isAlive()) {
        reader.join();
        return null; // it could not open the file
      }
    }
    Thread.sleep(millis);
    writer.destroyForcibly(); // SIGKILL
    writer.waitFor();
    reader.join();
    return acked;
  }

  private static Set<String> strings(Statement s, String sql) throws SQLException {
    Set<String> values = new HashSet<>();
    try (ResultSet rows = s.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }

  private static String load() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (IOException e) {
      return "?";
    }
  }
}
