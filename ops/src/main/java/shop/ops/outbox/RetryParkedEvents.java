package shop.ops.outbox;

import java.time.Clock;
import java.util.Optional;
import shop.ops.audit.AuditLog;
import shop.ops.audit.AuditTrail;
import shop.platform.domain.NotFoundException;

/**
 * Puts parked events back in their outbox's line, where the relay's next sweep sends them (within a
 * minute), and records each action in the audit log as a replay is recorded: its intent, then its
 * outcome.
 */
public final class RetryParkedEvents {
  private final ListParkedEvents list;
  private final Outboxes outboxes;
  private final AuditTrail trail;

  public RetryParkedEvents(ListParkedEvents list, Outboxes outboxes, AuditLog audit, Clock clock) {
    this.list = list;
    this.outboxes = outboxes;
    this.trail = new AuditTrail(audit, clock);
  }

  /**
   * Retries the parked event {@code id}, in whichever service's outbox holds it; returns that
   * service.
   */
  public String retry(String id, String actor) {
    ParkedEvent event =
        list.list(Optional.empty(), ListParkedEvents.MAX_PER_SERVICE).stream()
            .filter(e -> e.id().equals(id))
            .findFirst()
            .orElseThrow(() -> NotFoundException.of("parked event " + id));
    AuditTrail.Action audited =
        trail.begin(
            actor,
            "outbox.retry",
            event.service(),
            "event " + id + " (" + event.eventType() + " " + event.subject() + ")");
    boolean retried;
    try {
      retried = outboxes.retry(event.service(), id);
    } catch (RuntimeException e) {
      throw audited.failed(e);
    }
    audited.finished(retried ? 1 : 0, retried ? "ok" : "partial: no longer parked");
    return event.service();
  }

  /** Retries every parked event of {@code service}, or of every publisher; returns how many. */
  public long retryAll(Optional<String> service, String actor) {
    long total = 0;
    for (String publisher : list.services(service)) {
      AuditTrail.Action audited =
          trail.begin(actor, "outbox.retry", publisher, "every parked event");
      long retried;
      try {
        retried = outboxes.retryAll(publisher);
      } catch (RuntimeException e) {
        throw audited.failed(e);
      }
      total += retried;
      audited.finished(retried, "ok");
    }
    return total;
  }
}
