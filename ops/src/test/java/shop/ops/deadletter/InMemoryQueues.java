package shop.ops.deadletter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Queues in memory: received messages stay hidden until released or deleted, as in SQS. Safe to ask
 * from several threads, as the listing does.
 */
final class InMemoryQueues implements DeadLetterQueues {
  final Map<String, List<DeadLetter>> messages = new LinkedHashMap<>();
  final Set<String> hidden = new HashSet<>();
  final Set<String> refuseSendsOf = new HashSet<>();
  final Map<String, RuntimeException> failCountsOf = new HashMap<>();
  final List<String> counted = new ArrayList<>();
  int moveTasks;
  int receives;

  synchronized void put(String queue, DeadLetter letter) {
    messages.computeIfAbsent(queue, q -> new ArrayList<>()).add(letter);
  }

  synchronized List<DeadLetter> in(String queue) {
    return messages.getOrDefault(queue, List.of());
  }

  synchronized List<DeadLetter> visibleIn(String queue) {
    return in(queue).stream().filter(l -> !hidden.contains(l.messageId())).toList();
  }

  @Override
  public synchronized long count(String queue) {
    counted.add(queue);
    if (failCountsOf.containsKey(queue)) {
      throw failCountsOf.get(queue);
    }
    return in(queue).size();
  }

  @Override
  public synchronized List<DeadLetter> receive(String queue, Duration hideFor) {
    receives++;
    List<DeadLetter> batch = visibleIn(queue).stream().limit(10).toList();
    if (!hideFor.isZero()) {
      batch.forEach(l -> hidden.add(l.messageId()));
    }
    return batch;
  }

  @Override
  public synchronized void release(String queue, List<DeadLetter> letters) {
    letters.forEach(l -> hidden.remove(l.messageId()));
  }

  @Override
  public synchronized void send(String queue, DeadLetter letter) {
    if (refuseSendsOf.contains(letter.id())) {
      throw new IllegalStateException("the queue refused " + letter.id());
    }
    put(queue, copy(letter, "moved-" + letter.messageId()));
  }

  @Override
  public synchronized void delete(String queue, DeadLetter letter) {
    messages.get(queue).removeIf(l -> l.messageId().equals(letter.messageId()));
    hidden.remove(letter.messageId());
  }

  @Override
  public synchronized String startMoveBack(
      String deadLetterQueue, String source, int maxPerSecond) {
    moveTasks++;
    for (DeadLetter letter : List.copyOf(in(deadLetterQueue))) {
      put(source, copy(letter, "moved-" + letter.messageId()));
      delete(deadLetterQueue, letter);
    }
    return "task-" + moveTasks;
  }

  @Override
  public synchronized MoveProgress moveProgress(String deadLetterQueue, String taskHandle) {
    return new MoveProgress(
        "COMPLETED", messages.values().stream().mapToLong(List::size).sum(), 0, null);
  }

  static DeadLetter letter(String id, String eventName, Instant time) {
    return new DeadLetter(
        "m-" + id,
        "r-" + id,
        id,
        "shop.x.y.v1",
        eventName,
        "order-" + id,
        time,
        5,
        time,
        "{}",
        null);
  }

  private static DeadLetter copy(DeadLetter letter, String messageId) {
    return new DeadLetter(
        messageId,
        "r-" + messageId,
        letter.eventId(),
        letter.type(),
        letter.eventName(),
        letter.subject(),
        letter.eventTime(),
        0,
        letter.sentAt(),
        letter.body(),
        null);
  }
}
