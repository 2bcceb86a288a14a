package org.onenumber.ops.sla;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** A day's report keeps fifteen-minute slots: the minutes of a slot share one tally; windows start on a slot. */
class TallyBookSlotsTest {

  @Test
  void minutesOfOneSlotShareATallyAndWindowsStartOnSlots() {
    TallyBook book = new TallyBook(15);
    assertSame(book.at(Scope.CENTER, 15), book.at(Scope.CENTER, 29));
    book.at(Scope.CENTER, 16).offered++;
    book.at(Scope.CENTER, -1).offered++;
    assertEquals(1, book.sum(Scope.CENTER, 15, 30).offered);
    assertEquals(1, book.sum(Scope.CENTER, -15, 0).offered, "before the epoch too");
    assertThrows(IllegalArgumentException.class, () -> book.sum(Scope.CENTER, 15, 20));
    assertThrows(IllegalArgumentException.class, () -> new TallyBook(7));
  }
}
