package shop.platform.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import shop.events.Topology;
import shop.platform.config.AwsClients;
import shop.platform.config.Lazy;
import shop.platform.snapstart.Priming;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

/**
 * Publishes to the shop's EventBridge bus with PutEvents. PutEvents answers 200 even when entries
 * fail, so every entry's result is read; a thrown SDK error fails the whole batch.
 */
public final class EventBridgeBus implements EventBus {
  private static final Logger log = LoggerFactory.getLogger(EventBridgeBus.class);

  private final Supplier<EventBridgeClient> client;
  private final String busName;

  /** Primes the client before a SnapStart snapshot (offline); held so that it lives as we do. */
  @SuppressWarnings("unused")
  private final Priming.Primer primer;

  /** With {@code client}, which priming only builds: it may not be one of {@link AwsClients}. */
  public EventBridgeBus(EventBridgeClient client, String busName) {
    this(() -> client, busName, false);
  }

  private EventBridgeBus(Supplier<EventBridgeClient> client, String busName, boolean putEvents) {
    this.client = client;
    this.busName = busName;
    this.primer =
        putEvents
            ? Priming.register("EventBridge PutEvents", this::primePutEvents)
            : Priming.register("EventBridge client", client::get);
  }

  /**
   * Sends a representative PutEvents through the SDK's whole request path; the client of {@link
   * AwsClients} answers a primer's request with a refusal and sends nothing. No outbox row is read
   * or marked: the relay is not involved, and a refusal could never pass for a published event.
   */
  private void primePutEvents() {
    Outgoing sample =
        new Outgoing(
            "00000000-0000-0000-0000-000000000000",
            "shop.priming",
            "Priming",
            Instant.EPOCH,
            "{}",
            "Root=1-00000000-000000000000000000000000");
    try {
      client.get().putEvents(r -> r.entries(entry(sample)));
      // Cannot happen on the priming thread with a client of AwsClients; said loudly if it does.
      log.warn("a primer's PutEvents reached the bus: an event of source shop.priming was sent");
    } catch (SdkException refused) {
      log.debug("primed PutEvents up to {}", refused.toString());
    }
  }

  /**
   * How long one PutEvents attempt, and the call with the SDK's retries, may take. PutEvents
   * answers in tens of milliseconds; without a bound a bus that hangs would hold checkout's answer
   * (the relay right after its commit) for the HTTP client's 30 s socket timeout per attempt.
   * Events of a call that timed out stay in the outbox and the sweep sends them.
   */
  static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);

  static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

  /** The shop's bus through a client built by {@code clients} (endpoint override EVENTBRIDGE). */
  public static EventBridgeBus create(AwsClients clients) {
    return create(clients, ATTEMPT_TIMEOUT, CALL_TIMEOUT);
  }

  static EventBridgeBus create(AwsClients clients, Duration attempt, Duration call) {
    // Built on first publish: a function whose first call publishes nothing (an API's reads) does
    // not load the SDK's EventBridge client at its cold start.
    return new EventBridgeBus(
        Lazy.of(
            () ->
                clients.build(
                    EventBridgeClient.builder()
                        .overrideConfiguration(
                            c -> c.apiCallAttemptTimeout(attempt).apiCallTimeout(call)),
                    "EVENTBRIDGE")),
        Topology.shop().busName(),
        true);
  }

  @Override
  public List<Result> publish(List<Outgoing> events) {
    if (events.isEmpty()) {
      return List.of();
    }
    if (events.size() > MAX_BATCH) {
      throw new IllegalArgumentException(
          "PutEvents takes at most " + MAX_BATCH + " entries, got " + events.size());
    }
    PutEventsResponse response;
    try {
      response = client.get().putEvents(r -> r.entries(events.stream().map(this::entry).toList()));
    } catch (SdkException e) {
      log.warn("PutEvents to {} failed for all {} entries", busName, events.size(), e);
      Result failed = Result.failed(e.getClass().getSimpleName(), e.getMessage());
      return events.stream().map(event -> failed).toList();
    }
    return results(events, response);
  }

  private PutEventsRequestEntry entry(Outgoing event) {
    return PutEventsRequestEntry.builder()
        .eventBusName(busName)
        .source(event.source())
        .detailType(event.detailType())
        .detail(event.detail())
        .time(event.time())
        // The trace of the request that wrote the event goes on through the bus and SQS.
        .traceHeader(event.traceHeader())
        .build();
  }

  /**
   * Results by position, as PutEvents returns them. An entry counts as sent only with an event id
   * and no error code: a short or malformed answer must not pass for success.
   */
  private static List<Result> results(List<Outgoing> events, PutEventsResponse response) {
    List<PutEventsResultEntry> entries = response.hasEntries() ? response.entries() : List.of();
    int failedEntryCount = response.failedEntryCount() == null ? 0 : response.failedEntryCount();
    List<Result> results = new ArrayList<>(events.size());
    for (int i = 0; i < events.size(); i++) {
      results.add(i < entries.size() ? result(entries.get(i)) : missing(failedEntryCount));
    }
    long failed = results.stream().filter(r -> !r.ok()).count();
    if (failed != failedEntryCount) {
      log.warn(
          "PutEvents reported FailedEntryCount {} but {} of {} entries failed",
          failedEntryCount,
          failed,
          events.size());
    }
    return results;
  }

  private static Result result(PutEventsResultEntry entry) {
    if (entry.errorCode() != null) {
      return Result.failed(entry.errorCode(), entry.errorMessage());
    }
    if (entry.eventId() == null) {
      return Result.failed("MissingEventId", "PutEvents returned no event id for this entry");
    }
    return Result.accepted();
  }

  private static Result missing(int failedEntryCount) {
    return Result.failed(
        "MissingEntry",
        "PutEvents returned no result for this entry (FailedEntryCount " + failedEntryCount + ")");
  }
}
