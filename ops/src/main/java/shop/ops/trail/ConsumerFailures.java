package shop.ops.trail;

import java.time.Instant;
import java.util.Optional;

/** The latest failure a consumer recorded for an event, if any (port; the failures table). */
public interface ConsumerFailures {
  Optional<ConsumerFailure> find(String consumer, String eventId);

  /**
   * @param attempt SQS's receive count of the failed delivery
   * @param reason the error, for people
   */
  record ConsumerFailure(Instant time, int attempt, String reason) {}
}
