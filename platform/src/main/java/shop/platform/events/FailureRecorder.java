package shop.platform.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Keeps why a consumer failed a message, for operators inspecting the dead-letter queue. Recording
 * is best effort: callers still report the failure to SQS when recording fails.
 */
public interface FailureRecorder {
  void record(Failure failure);

  /**
   * One failed attempt at one message.
   *
   * @param consumer the subscription's consumer name
   * @param messageId the SQS message id
   * @param eventId the CloudEvent id, or null when the message was not readable that far
   * @param eventType the CloudEvent type, or null when unknown
   * @param errorClass the simple name of the exception
   * @param errorMessage the exception's message, or null
   * @param attempt SQS's ApproximateReceiveCount for this delivery
   * @param time when it failed
   */
  record Failure(
      String consumer,
      String messageId,
      String eventId,
      String eventType,
      String errorClass,
      String errorMessage,
      int attempt,
      Instant time) {

    public Failure {
      Objects.requireNonNull(consumer, "consumer");
      Objects.requireNonNull(messageId, "messageId");
      Objects.requireNonNull(errorClass, "errorClass");
      Objects.requireNonNull(time, "time");
    }

    /** The event id when known, else the message id: what identifies this failure. */
    public String key() {
      return eventId != null ? eventId : messageId;
    }
  }
}
