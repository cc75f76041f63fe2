package shop.ops.deadletter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a dead-letter queue through: receives until nothing new comes back, hiding what it read for
 * {@code hideFor} so that each message is seen once. The caller acts on what it selected and
 * releases the rest at once.
 */
final class DeadLetterScan {
  static final int MAX_MESSAGES = 10_000;

  private DeadLetterScan() {}

  static List<DeadLetter> scan(DeadLetterQueues queues, String queue, Duration hideFor) {
    List<DeadLetter> letters = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (letters.size() < MAX_MESSAGES) {
      int before = letters.size();
      for (DeadLetter letter : queues.receive(queue, hideFor)) {
        if (seen.add(letter.messageId())) {
          letters.add(letter);
        }
      }
      if (letters.size() == before) {
        break;
      }
    }
    return letters;
  }
}
