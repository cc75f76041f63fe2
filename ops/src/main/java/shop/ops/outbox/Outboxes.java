package shop.ops.outbox;

import java.util.List;

/** The publishing services' outboxes, as operators reach them (port; Lambda Invoke). */
public interface Outboxes {
  /** Up to {@code limit} of {@code service}'s parked events, oldest first. */
  List<ParkedEvent> parked(String service, int limit);

  /** Puts {@code service}'s parked event {@code id} back in line; false when it is not parked. */
  boolean retry(String service, String id);

  /** Puts every parked event of {@code service} back in line; returns how many. */
  long retryAll(String service);
}
