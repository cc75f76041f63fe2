package shop.user.adapter;

import io.r2dbc.spi.Connection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import shop.events.EventEnvelope;
import shop.platform.outbox.OutboxRelay;
import shop.platform.outbox.OutboxWriter;

/**
 * The service's side of the platform outbox: events are appended in the caller's transaction and,
 * once it has committed, relayed at once (the fast path). If that send fails the row stays pending
 * and the scheduled sweep ({@link shop.user.api.OutboxSweepHandler}) sends it later.
 */
public final class OutboxEvents {
  private static final Logger LOG = LoggerFactory.getLogger(OutboxEvents.class);
  private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(10);

  private final OutboxWriter writer;
  private final OutboxRelay relay;

  public OutboxEvents(OutboxWriter writer, OutboxRelay relay) {
    this.writer = writer;
    this.relay = relay;
  }

  /** Writes {@code event} on {@code connection}, inside the caller's transaction. */
  public Mono<Void> append(Connection connection, EventEnvelope<?> event) {
    return writer.append(connection, event);
  }

  /** Sends the committed event now; a failure is left to the sweep, never to the caller. */
  public void relayCommitted(EventEnvelope<?> event) {
    try {
      relay.relay(List.of(UUID.fromString(event.id()))).block(RELAY_TIMEOUT);
    } catch (RuntimeException e) {
      LOG.warn(
          "relaying {} {} right after commit failed; the sweep will send it: {}",
          event.type(),
          event.id(),
          e.toString());
    }
  }
}
