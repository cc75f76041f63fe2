package shop.platform.outbox;

import io.r2dbc.spi.Connection;
import java.util.UUID;
import reactor.core.publisher.Mono;
import shop.events.CloudEventCodec;
import shop.events.EventEnvelope;
import shop.platform.postgres.PostgresDatabase;

/**
 * Appends events to the outbox table ({@link PostgresOutboxStore}) inside the caller's own database
 * transaction, so the event exists exactly when the state change that caused it does.
 */
public final class OutboxWriter {
  private static final String INSERT =
      "INSERT INTO event_outbox (id, event_type, source, subject, payload, trace_header)"
          + " VALUES ($1, $2, $3, $4, $5::jsonb, $6)";

  private final CloudEventCodec codec;

  public OutboxWriter() {
    this(CloudEventCodec.instance());
  }

  OutboxWriter(CloudEventCodec codec) {
    this.codec = codec;
  }

  /**
   * Writes {@code event} on {@code connection}, which must be inside the caller's transaction
   * ({@link PostgresDatabase#transaction}); once that commits, the event is noted in {@link
   * CommittedEvents} for the entry point's fast path. The event is encoded and validated first: an
   * event that breaks its schema errors with {@link shop.events.InvalidEventException} before
   * anything is written, and the caller's rollback then drops the state change too. The event id
   * must be a UUID.
   */
  public Mono<Void> append(Connection connection, EventEnvelope<?> event) {
    return Mono.fromCallable(() -> codec.encode(event))
        .zipWith(PostgresDatabase.callersTrace())
        .flatMap(
            encoded ->
                Mono.from(
                    PostgresDatabase.bind(
                            connection.createStatement(INSERT),
                            UUID.fromString(event.id()),
                            event.type().type(),
                            event.source(),
                            event.subject(),
                            encoded.getT1(),
                            // The trace of the request or message that writes the event.
                            PostgresDatabase.nullable(encoded.getT2().orElse(null), String.class))
                        .execute()))
        .flatMap(result -> Mono.from(result.getRowsUpdated()))
        // Once the caller's transaction commits, its entry point relays the event at once.
        .then(PostgresDatabase.afterCommit(() -> CommittedEvents.add(event.id())));
  }
}
