package shop.platform.outbox;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Where the outbox relay publishes encoded events: EventBridge in the cloud and locally. */
public interface EventBus {
  /** The most events one {@link #publish} call accepts (the PutEvents limit). */
  int MAX_BATCH = 10;

  /**
   * Publishes up to {@link #MAX_BATCH} events and returns one result per event, in the same order.
   * Never throws for a bus failure: an unreachable bus is a failed result for every event.
   */
  List<Result> publish(List<Outgoing> events);

  /**
   * One encoded event ready for the bus.
   *
   * @param id the CloudEvent id
   * @param source the EventBridge source, {@code shop.<service>}
   * @param detailType the event name, e.g. {@code OrderCreated}
   * @param time when the change happened
   * @param detail the structured CloudEvent JSON
   */
  record Outgoing(
      String id,
      String source,
      String detailType,
      Instant time,
      String detail,
      String traceHeader) {
    /** An event sent outside any trace. */
    public Outgoing(String id, String source, String detailType, Instant time, String detail) {
      this(id, source, detailType, time, detail, null);
    }

    public Outgoing {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(detailType, "detailType");
      Objects.requireNonNull(time, "time");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * The outcome for one event: accepted by the bus, or failed with the bus's error code and
   * message.
   */
  record Result(boolean ok, String errorCode, String errorMessage) {
    private static final Result OK = new Result(true, null, null);

    public static Result accepted() {
      return OK;
    }

    public static Result failed(String errorCode, String errorMessage) {
      return new Result(false, Objects.requireNonNull(errorCode, "errorCode"), errorMessage);
    }

    /** {@code code: message} for logs and the outbox's last_error. */
    public String describe() {
      return ok ? "ok" : errorMessage == null ? errorCode : errorCode + ": " + errorMessage;
    }
  }
}
