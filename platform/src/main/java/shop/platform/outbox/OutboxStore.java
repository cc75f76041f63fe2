package shop.platform.outbox;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * Where a service keeps the events it has committed to publishing: a table or collection written in
 * the same unit as the state change that caused them. One {@link OutboxRelay} sends every store's
 * entries; the stores differ only in how they claim and mark them.
 *
 * <p>An entry is PENDING until the bus accepted it (SENT) or it failed for the last time (PARKED,
 * until an operator retries it). Claiming pushes an entry's due time ahead by a lease, so
 * concurrent relays never send the same entry at once, and a relay that dies mid-send leaves it due
 * again when the lease ends.
 */
public interface OutboxStore {
  /** Claims those of {@code ids} that are still pending and due (the fast path), in that order. */
  List<OutboxEntry> claim(Collection<String> ids, Duration lease);

  /** Claims up to {@code max} pending entries that are due, oldest due first (the sweep). */
  List<OutboxEntry> claimDue(int max, Duration lease);

  /** Marks the entries the bus accepted. */
  void markSent(Collection<String> ids);

  /** Records a failed send of a claimed entry, due again after {@code delay}. */
  void retryLater(String id, String error, Duration delay);

  /** Parks a claimed entry that failed for the last time, or can never be sent. */
  void park(String id, String error);

  /**
   * Deletes up to {@code max} entries sent more than {@code age} ago, oldest first; returns how
   * many went. A sent entry is never needed again: the bus has it (and its archive keeps it).
   */
  long deleteSent(Duration age, int max);

  /** The pending entries: how many, and when the oldest was written. */
  OutboxBacklog backlog();

  /** Up to {@code max} parked entries, oldest first: what operators look at. */
  List<ParkedEntry> parked(int max);

  /**
   * Puts the parked entry {@code id} back in line, due now with its attempts reset; false when no
   * such entry is parked.
   */
  boolean retry(String id);

  /** Puts every parked entry back in line; returns how many. */
  long retryAllParked();
}
