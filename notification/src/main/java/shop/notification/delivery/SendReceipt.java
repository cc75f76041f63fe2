package shop.notification.delivery;

import java.util.Objects;

/**
 * The provider accepted a message.
 *
 * @param messageId the provider's id for it, or null when it gave none
 */
public record SendReceipt(String provider, String messageId) {

  public SendReceipt {
    Objects.requireNonNull(provider, "provider");
  }
}
