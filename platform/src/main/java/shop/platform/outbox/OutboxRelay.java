package shop.platform.outbox;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.EventType;
import shop.platform.observability.Metrics;

/**
 * Sends a service's outbox entries to the bus, whatever store holds them: right after the work that
 * committed them ({@link #relayingAfter}, run by the entry points), and from a schedule for
 * whatever is still due ({@link #sweep}).
 *
 * <p>Entries are claimed under a lease ({@link RelayPolicy#claimTimeout}) in batches of ten (the
 * PutEvents limit), and no store connection is held while the bus answers. The bus's result is
 * checked per entry: an entry that failed waits a jittered, growing backoff and is parked for an
 * operator after {@link RelayPolicy#maxAttempts}; an entry that can never be sent (an unknown type,
 * no time) is parked at once. An event may be sent twice (consumers are idempotent on its id) but
 * is never lost.
 */
public final class OutboxRelay {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final int MAX_ERROR_LENGTH = 2000;

  private final OutboxStore store;
  private final EventBus bus;
  private final RelayPolicy policy;
  private final DoubleSupplier random;
  private final Metrics metrics;
  private final BusinessMetrics business;
  private final Clock clock;

  public OutboxRelay(OutboxStore store, EventBus bus, RelayPolicy policy) {
    this(store, bus, policy, () -> ThreadLocalRandom.current().nextDouble());
  }

  OutboxRelay(OutboxStore store, EventBus bus, RelayPolicy policy, DoubleSupplier random) {
    this(store, bus, policy, random, Metrics.standard(), Clock.systemUTC());
  }

  OutboxRelay(
      OutboxStore store,
      EventBus bus,
      RelayPolicy policy,
      DoubleSupplier random,
      Metrics metrics,
      Clock clock) {
    this.store = store;
    this.bus = bus;
    this.policy = policy;
    this.random = random;
    this.metrics = metrics;
    this.business = new BusinessMetrics(metrics);
    this.clock = clock;
  }

  /** The store this relay sends from: operators list and retry its parked entries there. */
  public OutboxStore store() {
    return store;
  }

  /**
   * Runs {@code work} and then relays the events it committed ({@link CommittedEvents}), whether it
   * returned or threw: the fast path of an entry point.
   */
  public <T> T relayingAfter(Supplier<T> work) {
    try (CommittedEvents.Scope scope = CommittedEvents.open()) {
      try {
        return work.get();
      } finally {
        relayCommitted(scope.ids());
      }
    }
  }

  /**
   * Sends committed events now. Never throws: an event that could not go stays in the outbox and
   * the sweep sends it; the work that committed it succeeded either way.
   */
  public void relayCommitted(Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try {
      relay(ids);
    } catch (RuntimeException e) {
      log.warn(
          "relaying {} events right after commit failed; the sweep will send them", ids.size(), e);
    }
  }

  /** Sends those of {@code ids} that are still pending and due; others are another relay's. */
  public RelaySummary relay(Collection<String> ids) {
    List<String> distinct = ids.stream().distinct().toList();
    RelaySummary summary = RelaySummary.NONE;
    for (int from = 0; from < distinct.size(); from += EventBus.MAX_BATCH) {
      List<String> chunk =
          distinct.subList(from, Math.min(distinct.size(), from + EventBus.MAX_BATCH));
      summary = summary.plus(send(store.claim(chunk, policy.claimTimeout())));
    }
    return summary;
  }

  /** Sends up to {@code max} due entries, oldest due first, in batches of ten. */
  public RelaySummary relayPending(int max) {
    RelaySummary summary = RelaySummary.NONE;
    while (summary.total() < max) {
      int batch = Math.min(EventBus.MAX_BATCH, max - summary.total());
      List<OutboxEntry> claimed = store.claimDue(batch, policy.claimTimeout());
      if (claimed.isEmpty()) {
        // Nothing due, or a concurrent relay claimed this batch first and goes on from there.
        break;
      }
      summary = summary.plus(send(claimed));
      if (claimed.size() < batch) {
        break;
      }
    }
    return summary;
  }

  /**
   * The scheduled sweep: sends up to {@code max} due entries, then deletes up to {@code max}
   * entries sent more than {@link RelayPolicy#SENT_RETENTION} ago.
   */
  public RelaySummary sweep(int max) {
    RelaySummary summary = relayPending(max);
    store.deleteSent(RelayPolicy.SENT_RETENTION, max);
    measureBacklog();
    return summary;
  }

  /**
   * After a sweep, what is still pending, as metrics: {@code OutboxPending} and {@code
   * OutboxOldestPendingAgeMs}, per publishing service ({@code outbox}) while it has a backlog and
   * shop-wide always. Never fails the sweep.
   */
  void measureBacklog() {
    try {
      OutboxBacklog backlog = store.backlog();
      Map<String, String> dimensions =
          backlog.source() == null ? Map.of() : Map.of("outbox", backlog.source());
      metrics
          .point(dimensions)
          .count("OutboxPending", backlog.pending())
          .milliseconds(
              "OutboxOldestPendingAgeMs",
              backlog.oldestPending() == null
                  ? 0
                  : Math.max(0, clock.millis() - backlog.oldestPending().toEpochMilli()))
          .emit();
    } catch (RuntimeException e) {
      log.warn("the outbox backlog could not be measured: {}", e.toString());
    }
  }

  private RelaySummary send(List<OutboxEntry> claimed) {
    if (claimed.isEmpty()) {
      return RelaySummary.NONE;
    }
    List<OutboxEntry> sendable = new ArrayList<>();
    int parked = 0;
    for (OutboxEntry entry : claimed) {
      Optional<String> problem = problem(entry);
      if (problem.isPresent()) {
        // No retry can fix the entry itself: park it for an operator at once.
        park(entry, problem.get());
        parked++;
      } else {
        sendable.add(entry);
      }
    }
    List<EventBus.Result> results = publish(sendable);
    List<String> sent = new ArrayList<>();
    int retried = 0;
    for (int i = 0; i < sendable.size(); i++) {
      OutboxEntry entry = sendable.get(i);
      EventBus.Result result = results.get(i);
      if (result.ok()) {
        sent.add(entry.id());
      } else if (policy.parks(entry.attempts() + 1)) {
        park(entry, result.describe());
        parked++;
      } else {
        retryLater(entry, result.describe());
        retried++;
      }
    }
    if (!sent.isEmpty()) {
      store.markSent(sent);
      business.sent(sendable.stream().filter(e -> sent.contains(e.id())).toList());
    }
    return new RelaySummary(sent.size(), retried, parked);
  }

  /** Why {@code entry} can never be sent, if so. */
  private static Optional<String> problem(OutboxEntry entry) {
    if (EventType.ofType(entry.eventType()).isEmpty()) {
      return Optional.of("unknown event type " + entry.eventType());
    }
    return entry.time() == null ? Optional.of("the event has no time") : Optional.empty();
  }

  /**
   * The bus's results, or a failure for every event if the bus broke its contract: an entry must go
   * through backoff and parking, never stay claimed and come back forever.
   */
  private List<EventBus.Result> publish(List<OutboxEntry> entries) {
    if (entries.isEmpty()) {
      return List.of();
    }
    List<EventBus.Outgoing> outgoing =
        entries.stream()
            .map(
                e ->
                    new EventBus.Outgoing(
                        e.id(),
                        e.source(),
                        EventType.ofType(e.eventType()).orElseThrow().eventName(),
                        e.time(),
                        e.detail(),
                        e.traceHeader()))
            .toList();
    try {
      List<EventBus.Result> results = bus.publish(outgoing);
      if (results.size() != outgoing.size()) {
        throw new IllegalStateException(
            "the bus answered " + results.size() + " results for " + outgoing.size() + " events");
      }
      return results;
    } catch (RuntimeException e) {
      log.error("publishing {} outbox events failed", outgoing.size(), e);
      EventBus.Result failed = EventBus.Result.failed(e.getClass().getSimpleName(), e.getMessage());
      return outgoing.stream().map(event -> failed).toList();
    }
  }

  private void retryLater(OutboxEntry entry, String error) {
    int failedAttempts = entry.attempts() + 1;
    Duration delay = policy.backoff(failedAttempts, random.getAsDouble());
    log.info(
        "outbox event {} ({}) failed attempt {}, retrying in {}: {}",
        entry.id(),
        entry.eventType(),
        failedAttempts,
        delay,
        error);
    store.retryLater(entry.id(), truncate(error), delay);
  }

  private void park(OutboxEntry entry, String error) {
    log.error(
        "outbox event {} ({}) parked after {} attempt(s): {}",
        entry.id(),
        entry.eventType(),
        entry.attempts() + 1,
        error);
    store.park(entry.id(), truncate(error));
  }

  private static String truncate(String error) {
    return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH);
  }
}
