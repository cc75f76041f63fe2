package shop.notification.delivery;

import java.util.Objects;

/**
 * A text message to one E.164 number; the sender adds the From number.
 *
 * @param reference stable per send (see {@link DeliveryKey#reference()})
 */
public record Sms(String to, String body, String reference) {

  public Sms {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(reference, "reference");
  }
}
