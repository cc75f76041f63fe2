package shop.ops.deadletter;

import java.time.Instant;

/**
 * One message in a dead-letter queue, decoded as far as it can be: a poison message that is not a
 * CloudEvent still shows, with a null event id and type.
 *
 * @param receiptHandle the handle of the current receive, needed to delete or release it
 * @param type the CloudEvent type, e.g. {@code shop.order.created.v1}
 * @param eventName the EventBridge detail-type, e.g. {@code OrderCreated}
 * @param receiveCount how often it was received, including by its consumer before it was
 *     dead-lettered
 * @param failureReason why the consumer failed it, as the platform recorded it; null when unknown
 */
public record DeadLetter(
    String messageId,
    String receiptHandle,
    String eventId,
    String type,
    String eventName,
    String subject,
    Instant eventTime,
    int receiveCount,
    Instant sentAt,
    String body,
    String failureReason) {

  public DeadLetter withFailureReason(String reason) {
    return new DeadLetter(
        messageId,
        receiptHandle,
        eventId,
        type,
        eventName,
        subject,
        eventTime,
        receiveCount,
        sentAt,
        body,
        reason);
  }

  /**
   * The letter as operators are shown it: the body with the one-time secrets some events carry
   * redacted ({@link SecretFields}). Replays and discards work on the letter as it was received.
   */
  public DeadLetter withSecretsRedacted() {
    return new DeadLetter(
        messageId,
        receiptHandle,
        eventId,
        type,
        eventName,
        subject,
        eventTime,
        receiveCount,
        sentAt,
        SecretFields.redact(body),
        failureReason);
  }

  /**
   * The id an operator names it by: the CloudEvent id, or the SQS message id for a message that has
   * none.
   */
  public String id() {
    return eventId != null ? eventId : messageId;
  }
}
