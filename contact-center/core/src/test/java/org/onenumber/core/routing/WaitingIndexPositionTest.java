package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;

/**
 * Places in a line ({@link WaitingIndex#position}, kept by {@link LineRanks}) against the plain
 * definition — how many of the line's entries come first in {@link WaitingIndex#ORDER}, plus one —
 * over a seeded run of joins (priorities and ages out of arrival order, so entries land in the
 * middle), leaves and rejoins on two queues. Seed printed on failure; {@code -Dtests.seed} replays.
 */
class WaitingIndexPositionTest {

  private static final Instant T0 = Instant.parse("2026-12-03T08:00:00Z");
  private static final List<QueueId> QUEUES = List.of(new QueueId("general-en"), new QueueId("general-es"));

  @Test
  void everyPlaceIsTheNumberOfEntriesAheadInLineOrderPlusOne() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    WaitingIndex index = new WaitingIndex();
    List<TreeSet<Entry>> lines = List.of(new TreeSet<>(WaitingIndex.ORDER), new TreeSet<>(WaitingIndex.ORDER));
    List<Entry> waiting = new ArrayList<>();
    List<Entry> out = new ArrayList<>();
    for (int step = 0; step < 6_000; step++) {
      int action = random.nextInt(10);
      if (action < 5 || waiting.isEmpty()) {
        Entry entry = entry(step, random);
        index.enterLine(entry);
        lines.get(QUEUES.indexOf(entry.primary())).add(entry);
        waiting.add(entry);
      } else if (action < 8) {
        Entry leaving = waiting.remove(random.nextInt(waiting.size()));
        index.leaveLine(leaving);
        lines.get(QUEUES.indexOf(leaving.primary())).remove(leaving);
        out.add(leaving);
      } else if (!out.isEmpty()) {
        Entry back = out.remove(random.nextInt(out.size()));
        index.enterLine(back);
        index.enterLine(back); // twice: a line holds an entry once
        lines.get(QUEUES.indexOf(back.primary())).add(back);
        waiting.add(back);
      }
      if (step % 97 == 0) {
        for (Entry entry : waiting) {
          assertPlace(seed, index, lines, entry);
        }
        for (Entry gone : out) {
          assertPlace(seed, index, lines, gone);
        }
      }
    }
  }

  private static void assertPlace(long seed, WaitingIndex index, List<TreeSet<Entry>> lines, Entry entry) {
    int expected = lines.get(QUEUES.indexOf(entry.primary())).headSet(entry, false).size() + 1;
    assertEquals(expected, index.position(entry), "seed " + seed);
  }

  /** A contact of one of two queues, with a priority of 0–3 and an age up to an hour out of arrival order. */
  private static Entry entry(int n, SplittableRandom random) {
    Contact contact = Contact.create(new ContactId("c" + n), Channel.VOICE, new CitizenId("z" + n), Language.ENGLISH,
        Set.of(), random.nextInt(4), "topic", T0);
    Entry entry = new Entry(n, contact, T0.plusSeconds(random.nextInt(3_600)));
    entry.targets.add(QUEUES.get(random.nextInt(QUEUES.size())));
    return entry;
  }
}
