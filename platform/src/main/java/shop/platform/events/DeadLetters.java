package shop.platform.events;

/**
 * The consumer's dead-letter queue, for a message that can never succeed (unreadable, failing its
 * schema, naming an unknown type, or published by a service that does not own its type): it goes
 * there at once instead of after {@code maxReceiveCount} receives.
 */
public interface DeadLetters {
  /**
   * Puts {@code body} on {@code consumer}'s dead-letter queue, as the redrive would have; throws
   * when it could not, and the message then takes the ordinary retry path.
   *
   * @param consumer the subscription's consumer name
   * @param sourceQueueArn the ARN of the queue the message came from
   * @param body the message body, unchanged
   * @param reason why it can never succeed (kept with the message for operators)
   */
  void send(String consumer, String sourceQueueArn, String body, String reason);
}
