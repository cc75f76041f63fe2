package shop.notification.delivery;

import java.util.Objects;

/**
 * Who to tell, as the event carried it.
 *
 * @param phone E.164, or null
 * @param smsOptIn whether the customer agreed to receive SMS
 */
public record Contact(String email, String name, String phone, boolean smsOptIn) {

  public Contact {
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(name, "name");
  }

  public boolean wantsSms() {
    return smsOptIn && phone != null && !phone.isBlank();
  }
}
