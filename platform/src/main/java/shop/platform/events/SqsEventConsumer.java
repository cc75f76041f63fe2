package shop.platform.events;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.CloudEventCodec;
import shop.events.EventBridgeMessage;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.ImpersonatedEventException;
import shop.events.ShopEvent;
import shop.platform.outbox.CommittedEvents;
import shop.platform.outbox.OutboxRelay;
import shop.platform.snapstart.Priming;

/**
 * The engine of every SQS-triggered Lambda handler: decodes each message (EventBridge event around
 * a CloudEvent), validates it against its schema and hands it to the handler for its type. Returns
 * partial batch failures (the event source mapping must have {@code ReportBatchItemFailures}): a
 * message that cannot be read or whose handler throws is reported alone and retried by SQS, and the
 * others are deleted.
 *
 * <p>The messages of a batch are handled at the same time, each on a virtual thread of its own: a
 * handler mostly waits for its store, the bus or a provider, and one after the other the last
 * message of a batch of ten waited for the nine before it (the payments hop took 1.3 s at the
 * median and 6.3 s at p99 that way). SQS standard queues promise no order anyway, and every handler
 * already runs concurrently with the other pollers' batches, so handlers must be (and are) safe
 * when messages race: idempotent per event id, a cancellation that overtakes its order remembered,
 * shared state thread-safe.
 */
public final class SqsEventConsumer {
  private static final Logger log = LoggerFactory.getLogger(SqsEventConsumer.class);
  private static final String RECEIVE_COUNT = "ApproximateReceiveCount";

  private final String consumer;
  private final Map<EventType, EventHandler<?>> handlers;
  private final FailureRecorder failures;
  private final OutboxRelay outbox;
  private final CloudEventCodec codec;
  private final Clock clock;
  // Held here: the CRaC context keeps a primer only as long as its owner does.
  private final Priming.Primer primer;

  /**
   * @param consumer the subscription's consumer name (as in the topology)
   * @param handlers the handler of each event type; each handler must accept that type's record
   * @param failures where failures are recorded for operators
   */
  public SqsEventConsumer(
      String consumer,
      Map<EventType, ? extends EventHandler<?>> handlers,
      FailureRecorder failures) {
    this(consumer, handlers, failures, null, Clock.systemUTC());
  }

  /**
   * As {@link #SqsEventConsumer(String, Map, FailureRecorder)}, for a consumer whose handlers
   * publish: the events they commit to {@code outbox} are relayed once the batch is handled.
   */
  public SqsEventConsumer(
      String consumer,
      Map<EventType, ? extends EventHandler<?>> handlers,
      FailureRecorder failures,
      OutboxRelay outbox) {
    this(consumer, handlers, failures, Objects.requireNonNull(outbox, "outbox"), Clock.systemUTC());
  }

  SqsEventConsumer(
      String consumer,
      Map<EventType, ? extends EventHandler<?>> handlers,
      FailureRecorder failures,
      OutboxRelay outbox,
      Clock clock) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.handlers = handlers.isEmpty() ? Map.of() : new EnumMap<>(handlers);
    this.failures = Objects.requireNonNull(failures, "failures");
    this.outbox = outbox;
    this.codec = CloudEventCodec.instance();
    this.clock = clock;
    this.primer = Priming.register("consumer " + consumer, this::prime);
  }

  /**
   * Before a SnapStart snapshot: reads a sample of every subscribed event as a delivery would be
   * read (the EventBridge envelope, the CloudEvent, its schema, the record) and writes it back as
   * the outbox would, without handling it. No handler runs and nothing leaves the process.
   */
  void prime() {
    for (EventType type : handlers.keySet()) {
      String sample = sample(type);
      EventBridgeMessage parsed =
          EventBridgeMessage.parse(
              "{\"source\":\""
                  + type.source()
                  + "\",\"detail-type\":\""
                  + type.eventName()
                  + "\",\"detail\":"
                  + sample
                  + "}");
      parsed.requirePublishedByOwnerOf(codec.decode(parsed.detail()).type());
      codec.encode(codec.decode(parsed.detail()));
    }
  }

  private static String sample(EventType type) {
    try (InputStream in =
        SqsEventConsumer.class.getClassLoader().getResourceAsStream(type.sampleResource())) {
      if (in == null) {
        throw new IllegalStateException("no sample " + type.sampleResource() + " on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Handles a batch. Every exception becomes a batch item failure of its own message and is
   * recorded; only a JVM {@link Error} (out of memory, say) escapes, failing the whole batch.
   */
  public SQSBatchResponse handle(SQSEvent batch) {
    List<SQSEvent.SQSMessage> records =
        batch == null || batch.getRecords() == null ? List.of() : batch.getRecords();
    List<Future<Boolean>> outcomes = new ArrayList<>(records.size());
    Queue<String> committed = new ConcurrentLinkedQueue<>();
    try (ExecutorService messages = Executors.newVirtualThreadPerTaskExecutor()) {
      for (SQSEvent.SQSMessage message : records) {
        outcomes.add(messages.submit(() -> handleCollecting(message, committed)));
      }
    }
    if (outbox != null) {
      // The fast path: what the batch committed goes to the bus before the batch is acknowledged.
      outbox.relayCommitted(List.copyOf(committed));
    }
    List<SQSBatchResponse.BatchItemFailure> failed = new ArrayList<>();
    for (int i = 0; i < records.size(); i++) {
      if (!done(outcomes.get(i))) {
        failed.add(new SQSBatchResponse.BatchItemFailure(records.get(i).getMessageId()));
      }
    }
    return new SQSBatchResponse(failed);
  }

  /** The outcome of a finished message; an {@link Error} it threw fails the whole batch. */
  private static boolean done(Future<Boolean> outcome) {
    try {
      return outcome.resultNow();
    } catch (IllegalStateException notSuccessful) {
      Throwable cause = outcome.exceptionNow();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("a message's handling ended without an outcome", cause);
    }
  }

  /** As {@link #handle(SQSEvent.SQSMessage)}, adding the events it committed to {@code into}. */
  private boolean handleCollecting(SQSEvent.SQSMessage message, Queue<String> into) {
    try (CommittedEvents.Scope scope = CommittedEvents.open()) {
      try {
        return handle(message);
      } finally {
        into.addAll(scope.ids());
      }
    }
  }

  /** Whether {@code message} is done; false means SQS must deliver it again. */
  private boolean handle(SQSEvent.SQSMessage message) {
    EventBridgeMessage parsed = null;
    try {
      parsed = EventBridgeMessage.parse(message.getBody());
      EventEnvelope<ShopEvent> event = codec.decode(parsed.detail());
      parsed.requirePublishedByOwnerOf(event.type());
      EventHandler<?> handler = handlers.get(event.type());
      if (handler == null) {
        // The rule routes only subscribed types; anything else is not ours to retry.
        log.debug("{}: no handler for {} {}, acknowledged", consumer, event.type(), event.id());
        return true;
      }
      dispatch(handler, event);
      return true;
    } catch (Exception e) {
      String eventId = parsed == null ? null : parsed.eventId();
      String eventType = parsed == null ? null : parsed.eventType();
      if (e instanceof ImpersonatedEventException) {
        log.warn("SECURITY: {}: event {} refused: {}", consumer, eventId, e.getMessage());
      }
      log.warn(
          "{}: message {} (event {}, type {}) failed: {}",
          consumer,
          message.getMessageId(),
          eventId,
          eventType,
          e.toString(),
          e);
      record(message, eventId, eventType, e);
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T extends ShopEvent> void dispatch(
      EventHandler<T> handler, EventEnvelope<ShopEvent> event) {
    // Safe: the codec guarantees the data is the record class of event.type(), and the handler map
    // pairs each type with a handler of that record.
    handler.handle((EventEnvelope<T>) (EventEnvelope<?>) event);
  }

  private void record(SQSEvent.SQSMessage message, String eventId, String eventType, Exception e) {
    FailureRecorder.Failure failure =
        new FailureRecorder.Failure(
            consumer,
            Objects.requireNonNullElse(message.getMessageId(), "unknown"),
            eventId,
            eventType,
            e.getClass().getSimpleName(),
            e.getMessage(),
            receiveCount(message),
            clock.instant());
    try {
      failures.record(failure);
    } catch (RuntimeException recordingFailed) {
      // The message is reported failed either way; losing the note must not hide the failure.
      log.error(
          "{}: could not record the failure of message {}",
          consumer,
          message.getMessageId(),
          recordingFailed);
    }
  }

  private static int receiveCount(SQSEvent.SQSMessage message) {
    Map<String, String> attributes = message.getAttributes();
    String count = attributes == null ? null : attributes.get(RECEIVE_COUNT);
    if (count == null) {
      return 1;
    }
    try {
      return Integer.parseInt(count.strip());
    } catch (NumberFormatException e) {
      log.debug("unreadable {} '{}', recording attempt 1", RECEIVE_COUNT, count, e);
      return 1;
    }
  }
}
