package shop.notification.delivery;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

/** One send: an event, told on one channel to one recipient. Sent at most once. */
public record DeliveryKey(String eventId, Channel channel, String recipient) {
  /** The recipient of a send to an account that was erased since. */
  public static final String ERASED = "erased";

  public DeliveryKey {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(recipient, "recipient");
  }

  /**
   * A stable id for this send, passed to the provider (message tag, custom argument) so that a send
   * repeated after a crash can be recognised in the provider's records.
   */
  public String reference() {
    String name = eventId + "|" + channel + "|" + recipient;
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
