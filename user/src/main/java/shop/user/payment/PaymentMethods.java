package shop.user.payment;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where saved payment methods are kept; scoped to the owning user (port). */
public interface PaymentMethods {

  /** Default first, then oldest first. */
  List<PaymentMethod> list(UUID userId);

  Optional<PaymentMethod> find(UUID userId, String id);

  /**
   * Saves the method (the user's default if it has none yet); when the user already saved it,
   * returns the saved one. A {@code CONFLICT} when another user saved it.
   */
  PaymentMethod add(UUID userId, String id, Card card, java.time.Instant now);

  boolean delete(UUID userId, String id);

  boolean makeDefault(UUID userId, String id);
}
