package shop.ops.deadletter;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import shop.ops.audit.AuditLog;
import shop.ops.audit.AuditTrail;
import shop.platform.domain.InvalidFieldException;

/**
 * Deletes named dead letters for good, and records what was discarded (ids, types, subjects) in the
 * audit log.
 */
public final class DiscardDeadLetters {
  private static final Duration HIDE_WHILE_DISCARDING = Duration.ofSeconds(30);

  private final Consumers consumers;
  private final DeadLetterQueues queues;
  private final AuditLog audit;
  private final Clock clock;

  public DiscardDeadLetters(
      Consumers consumers, DeadLetterQueues queues, AuditLog audit, Clock clock) {
    this.consumers = consumers;
    this.queues = queues;
    this.audit = audit;
    this.clock = clock;
  }

  /**
   * Discards the dead letters with these ids; returns what it deleted (secrets redacted, {@link
   * DeadLetter#withSecretsRedacted}). Ids it did not find are ignored.
   */
  public List<DeadLetter> discard(String consumerName, Set<String> ids, String actor) {
    if (ids.isEmpty()) {
      throw new InvalidFieldException("id", "is required");
    }
    Consumer consumer = consumers.named(consumerName);
    Selection selection = new Selection(ids, null, null, null);
    AuditTrail.Action audited =
        new AuditTrail(audit, clock)
            .begin(actor, "dlq.discard", consumer.name(), selection.toString());
    List<DeadLetter> discarded = new ArrayList<>();
    try {
      List<DeadLetter> letters =
          DeadLetterScan.scan(queues, consumer.deadLetterQueue(), HIDE_WHILE_DISCARDING);
      List<DeadLetter> kept = new ArrayList<>();
      for (DeadLetter letter : letters) {
        if (selection.matches(letter)) {
          queues.delete(consumer.deadLetterQueue(), letter);
          discarded.add(letter);
        } else {
          kept.add(letter);
        }
      }
      queues.release(consumer.deadLetterQueue(), kept);
    } catch (RuntimeException e) {
      throw audited.failed(e);
    }
    String what =
        String.join(
            ", ",
            discarded.stream()
                .map(l -> l.id() + " (" + l.eventName() + " " + l.subject() + ")")
                .toList());
    audited.finished(
        discarded.size(),
        discarded.size() == ids.size()
            ? "ok: " + what
            : "partial: found " + discarded.size() + " of " + ids.size() + ": " + what);
    return discarded.stream().map(DeadLetter::withSecretsRedacted).toList();
  }
}
