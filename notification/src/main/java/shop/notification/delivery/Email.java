package shop.notification.delivery;

import java.util.Objects;
import shop.notification.message.EmailContent;

/**
 * An email to one recipient; the sender adds the From address.
 *
 * @param reference stable per send, passed to the provider (see {@link DeliveryKey#reference()})
 */
public record Email(String to, String toName, EmailContent content, String reference) {

  public Email {
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(reference, "reference");
  }
}
