package shop.notification.delivery;

/**
 * The latest contact details of each customer, as the user service published them (port). Order
 * events carry the contact the access token froze when the order was placed; what is here is newer
 * whenever the customer changed it since.
 */
public interface ContactBook {

  /** What is known of the customer's contact now: changed, never changed, or erased. */
  LatestContact current(String userId);

  /**
   * Keeps {@code contact} as the customer's current one unless a change with a version of {@code
   * version} or higher is already kept (a late or repeated event changes nothing).
   */
  void remember(String userId, Contact contact, long version);

  /**
   * Forgets the customer's contact (the account was erased at {@code version}, its last): a change
   * arriving after this with a lower version is not kept either.
   */
  void forget(String userId, long version);
}
