package shop.product.adapter;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.platform.outbox.EventBus;
import shop.platform.outbox.RelayPolicy;
import shop.platform.outbox.RelaySummary;

/**
 * Sends outbox entries to the bus through the platform's {@link EventBus}: {@link #relay} right
 * after a handler recorded them (the fast path), {@link #relayPending} from a schedule for whatever
 * the fast path could not send (the sweep). A failed entry backs off by the {@link RelayPolicy} and
 * is parked after its last attempt; nothing is lost while the bus is down, and an entry may be sent
 * twice (consumers are idempotent on the event id).
 */
public final class MongoOutboxRelay {
  private static final Logger log = LoggerFactory.getLogger(MongoOutboxRelay.class);

  private final MongoOutbox outbox;
  private final EventBus bus;
  private final RelayPolicy policy;

  public MongoOutboxRelay(MongoOutbox outbox, EventBus bus, RelayPolicy policy) {
    this.outbox = outbox;
    this.bus = bus;
    this.policy = policy;
  }

  /** Sends the due entries among {@code ids}: the fast path. */
  public RelaySummary relay(Collection<String> ids) {
    if (ids.isEmpty()) {
      return RelaySummary.NONE;
    }
    RelaySummary summary = RelaySummary.NONE;
    List<String> distinct = ids.stream().distinct().toList();
    for (int from = 0; from < distinct.size(); from += EventBus.MAX_BATCH) {
      List<String> chunk =
          distinct.subList(from, Math.min(distinct.size(), from + EventBus.MAX_BATCH));
      summary = summary.plus(send(outbox.claim(chunk, chunk.size(), policy.claimTimeout())));
    }
    return summary;
  }

  /** Sends up to {@code max} due entries, oldest first, in batches of ten: the sweep. */
  public RelaySummary relayPending(int max) {
    RelaySummary summary = RelaySummary.NONE;
    while (summary.total() < max) {
      int batch = Math.min(EventBus.MAX_BATCH, max - summary.total());
      List<EventBus.Outgoing> claimed = outbox.claim(null, batch, policy.claimTimeout());
      if (claimed.isEmpty()) {
        // Nothing due, or a concurrent relay claimed this batch first and goes on from there.
        break;
      }
      summary = summary.plus(send(claimed));
    }
    return summary;
  }

  private RelaySummary send(List<EventBus.Outgoing> claimed) {
    if (claimed.isEmpty()) {
      return RelaySummary.NONE;
    }
    List<EventBus.Result> results = bus.publish(claimed);
    List<String> sent = new ArrayList<>();
    int retried = 0;
    int parked = 0;
    for (int i = 0; i < claimed.size(); i++) {
      String id = claimed.get(i).id();
      EventBus.Result result = i < results.size() ? results.get(i) : null;
      if (result != null && result.ok()) {
        sent.add(id);
        continue;
      }
      String error = result == null ? "no result from the bus" : result.describe();
      int failures = outbox.attempts(id) + 1;
      boolean park = policy.parks(failures);
      outbox.markFailed(
          id, error, policy.backoff(failures, ThreadLocalRandom.current().nextDouble()), park);
      if (park) {
        log.error("outbox entry {} parked after {} failed sends: {}", id, failures, error);
        parked++;
      } else {
        log.warn("outbox entry {} not sent (attempt {}), will retry: {}", id, failures, error);
        retried++;
      }
    }
    outbox.markSent(sent);
    return new RelaySummary(sent.size(), retried, parked);
  }
}
