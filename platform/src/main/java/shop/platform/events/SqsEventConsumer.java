package shop.platform.events;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.logging.log4j.CloseableThreadContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.CloudEventCodec;
import shop.events.EventBridgeMessage;
import shop.events.EventEnvelope;
import shop.events.EventType;
import shop.events.ImpersonatedEventException;
import shop.events.InvalidEventException;
import shop.events.ShopEvent;
import shop.platform.observability.ColdStart;
import shop.platform.observability.Metrics;
import shop.platform.observability.Traces;
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
 *
 * <p>A message that can never succeed (unreadable, failing its schema, of an unknown type, or
 * published by a service that does not own its type) is recorded as any failure and then sent to
 * the consumer's dead-letter queue at once ({@link DeadLetters}) and acknowledged, so that SQS
 * deletes it: retrying it {@code maxReceiveCount} times would only delay the operators by the
 * visibility timeouts between. A failure in the handler keeps the retry path. Every log line about
 * a message carries its CloudEvent id, type and source (and the order id of an order's event); each
 * batch emits the consumer's metrics: messages, failures, dead letters and each message's age.
 */
public final class SqsEventConsumer {
  private static final Logger log = LoggerFactory.getLogger(SqsEventConsumer.class);
  private static final String RECEIVE_COUNT = "ApproximateReceiveCount";
  private static final String SENT_TIMESTAMP = "SentTimestamp";
  private static final String TRACE_HEADER = "AWSTraceHeader";

  private final String consumer;
  private final Map<EventType, EventHandler<?>> handlers;
  private final FailureRecorder failures;
  private final OutboxRelay outbox;
  private final DeadLetters deadLetters;
  private final Metrics metrics;
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
    this(consumer, handlers, failures, null, null, Metrics.standard(), Clock.systemUTC());
  }

  /**
   * As {@link #SqsEventConsumer(String, Map, FailureRecorder)}, sending poison messages to {@code
   * deadLetters} at once.
   */
  public SqsEventConsumer(
      String consumer,
      Map<EventType, ? extends EventHandler<?>> handlers,
      FailureRecorder failures,
      DeadLetters deadLetters) {
    this(
        consumer,
        handlers,
        failures,
        null,
        Objects.requireNonNull(deadLetters, "deadLetters"),
        Metrics.standard(),
        Clock.systemUTC());
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
    this(
        consumer,
        handlers,
        failures,
        Objects.requireNonNull(outbox, "outbox"),
        null,
        Metrics.standard(),
        Clock.systemUTC());
  }

  /**
   * As {@link #SqsEventConsumer(String, Map, FailureRecorder, OutboxRelay)}, sending poison
   * messages to {@code deadLetters} at once.
   */
  public SqsEventConsumer(
      String consumer,
      Map<EventType, ? extends EventHandler<?>> handlers,
      FailureRecorder failures,
      OutboxRelay outbox,
      DeadLetters deadLetters) {
    this(
        consumer,
        handlers,
        failures,
        Objects.requireNonNull(outbox, "outbox"),
        Objects.requireNonNull(deadLetters, "deadLetters"),
        Metrics.standard(),
        Clock.systemUTC());
  }

  /**
   * Everything given; null outbox: the handlers publish nothing; null deadLetters: no fast path.
   */
  SqsEventConsumer(
      String consumer,
      Map<EventType, ? extends EventHandler<?>> handlers,
      FailureRecorder failures,
      OutboxRelay outbox,
      DeadLetters deadLetters,
      Metrics metrics,
      Clock clock) {
    this.consumer = Objects.requireNonNull(consumer, "consumer");
    this.handlers = handlers.isEmpty() ? Map.of() : new EnumMap<>(handlers);
    this.failures = Objects.requireNonNull(failures, "failures");
    this.outbox = outbox;
    this.deadLetters = deadLetters;
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.codec = CloudEventCodec.instance();
    this.clock = clock;
    this.primer = Priming.register("consumer " + consumer, this::prime);
  }

  /**
   * Before a SnapStart snapshot: reads a sample of every subscribed event as a delivery would be
   * read (the EventBridge envelope, the CloudEvent, its schema, the record, on a virtual thread of
   * its own with the message's log and trace context) and writes it back as the outbox would,
   * without handling it. No handler runs, no metric is emitted and nothing leaves the process.
   */
  void prime() {
    List<Future<?>> reads = new ArrayList<>();
    try (ExecutorService messages = Executors.newVirtualThreadPerTaskExecutor()) {
      for (EventType type : handlers.keySet()) {
        reads.add(messages.submit(() -> primeRead(type)));
      }
    }
    for (Future<?> read : reads) {
      if (read.state() == Future.State.FAILED) {
        throw new IllegalStateException("priming a sample failed", read.exceptionNow());
      }
    }
  }

  private void primeRead(EventType type) {
    Traces.Scope trace = Traces.continueFrom(null);
    try (CommittedEvents.Scope scope = CommittedEvents.open();
        CloseableThreadContext.Instance context =
            CloseableThreadContext.put("consumer", consumer).put("messageId", "priming")) {
      EventBridgeMessage parsed =
          EventBridgeMessage.parse(
              "{\"source\":\""
                  + type.source()
                  + "\",\"detail-type\":\""
                  + type.eventName()
                  + "\",\"detail\":"
                  + type.sample()
                  + "}");
      EventEnvelope<ShopEvent> event = codec.decode(parsed.detail());
      parsed.requirePublishedByOwnerOf(event.type());
      OrderIds.of(event.data()).ifPresent(orderId -> context.put("orderId", orderId));
      codec.encode(event);
      scope.ids();
    } finally {
      trace.close();
    }
  }

  /**
   * Handles a batch. Every exception becomes a batch item failure of its own message and is
   * recorded; only a JVM {@link Error} (out of memory, say) escapes, failing the whole batch.
   */
  public SQSBatchResponse handle(SQSEvent batch) {
    ColdStart.first(metrics);
    List<SQSEvent.SQSMessage> records =
        batch == null || batch.getRecords() == null ? List.of() : batch.getRecords();
    Metrics.Point point = metrics.point(Map.of("consumer", consumer));
    long now = clock.millis();
    records.forEach(
        message ->
            sentAt(message).ifPresent(sent -> point.milliseconds("MessageAgeMs", now - sent)));
    List<Future<Outcome>> outcomes = new ArrayList<>(records.size());
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
    int deadLettered = 0;
    for (int i = 0; i < records.size(); i++) {
      Outcome outcome = done(outcomes.get(i));
      if (outcome == Outcome.RETRY) {
        failed.add(new SQSBatchResponse.BatchItemFailure(records.get(i).getMessageId()));
      } else if (outcome == Outcome.DEAD_LETTERED) {
        deadLettered++;
      }
    }
    point
        .count("Messages", records.size())
        .count("Failures", failed.size() + deadLettered)
        .count("DeadLettered", deadLettered)
        .emit();
    return new SQSBatchResponse(failed);
  }

  /** What became of one message. */
  private enum Outcome {
    /** Handled (or not ours): SQS deletes it. */
    DONE,
    /** Failed: SQS delivers it again, and after maxReceiveCount moves it to the DLQ. */
    RETRY,
    /** Can never succeed: sent to the DLQ now, so SQS deletes it from the source queue. */
    DEAD_LETTERED
  }

  /** The outcome of a finished message; an {@link Error} it threw fails the whole batch. */
  private static Outcome done(Future<Outcome> outcome) {
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
  private Outcome handleCollecting(SQSEvent.SQSMessage message, Queue<String> into) {
    try (CommittedEvents.Scope scope = CommittedEvents.open()) {
      try {
        return handle(message);
      } finally {
        into.addAll(scope.ids());
      }
    }
  }

  /** What became of {@code message}; logged with its event's id, type and source. */
  private Outcome handle(SQSEvent.SQSMessage message) {
    EventBridgeMessage parsed = null;
    boolean read = false;
    try (CloseableThreadContext.Instance context =
            CloseableThreadContext.put("consumer", consumer)
                .put("messageId", Objects.requireNonNullElse(message.getMessageId(), "unknown"));
        // The trace of the request that published the event goes on through this handler.
        Traces.Scope trace = Traces.continueFrom(attribute(message, TRACE_HEADER))) {
      try {
        parsed = EventBridgeMessage.parse(message.getBody());
        putIfKnown(context, "eventId", parsed.eventId());
        putIfKnown(context, "eventType", parsed.eventType());
        putIfKnown(context, "eventSource", parsed.cloudEventSource());
        EventEnvelope<ShopEvent> event = codec.decode(parsed.detail());
        parsed.requirePublishedByOwnerOf(event.type());
        OrderIds.of(event.data()).ifPresent(orderId -> context.put("orderId", orderId));
        read = true;
        EventHandler<?> handler = handlers.get(event.type());
        if (handler == null) {
          // The rule routes only subscribed types; anything else is not ours to retry.
          log.debug("{}: no handler for {} {}, acknowledged", consumer, event.type(), event.id());
          return Outcome.DONE;
        }
        dispatch(handler, event);
        return Outcome.DONE;
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
        boolean poison =
            !read
                && (e instanceof InvalidEventException || e instanceof ImpersonatedEventException);
        return poison ? deadLetter(message, e) : Outcome.RETRY;
      }
    }
  }

  private static void putIfKnown(
      CloseableThreadContext.Instance context, String key, String value) {
    if (value != null) {
      context.put(key, value);
    }
  }

  /**
   * Sends a message that can never succeed to the DLQ now; if that fails too, it takes the retry
   * path and reaches the DLQ through the redrive policy, as before.
   */
  private Outcome deadLetter(SQSEvent.SQSMessage message, Exception reason) {
    if (deadLetters == null) {
      return Outcome.RETRY;
    }
    try {
      deadLetters.send(
          consumer,
          message.getEventSourceArn(),
          message.getBody(),
          reason.getClass().getSimpleName() + ": " + reason.getMessage());
      log.warn(
          "{}: message {} can never succeed; sent to the dead-letter queue at once",
          consumer,
          message.getMessageId());
      return Outcome.DEAD_LETTERED;
    } catch (RuntimeException sendFailed) {
      log.error(
          "{}: could not dead-letter message {}; it is retried",
          consumer,
          message.getMessageId(),
          sendFailed);
      return Outcome.RETRY;
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

  private static String attribute(SQSEvent.SQSMessage message, String name) {
    return message.getAttributes() == null ? null : message.getAttributes().get(name);
  }

  /** When SQS received the message from the bus (epoch millis), if it says. */
  private static OptionalLong sentAt(SQSEvent.SQSMessage message) {
    Map<String, String> attributes = message.getAttributes();
    String sent = attributes == null ? null : attributes.get(SENT_TIMESTAMP);
    if (sent == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(sent.strip()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
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
