package shop.notification.delivery;

/**
 * Which sends to list: one user's or one order's, newest first.
 *
 * @param userId set to list a user's sends
 * @param orderId set to list an order's sends
 */
public record NotificationQuery(String userId, String orderId, int limit) {
  public static final int MAX_LIMIT = 100;

  public NotificationQuery {
    if ((userId == null) == (orderId == null)) {
      throw new IllegalArgumentException("name exactly one of userId and orderId");
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT);
    }
  }

  public static NotificationQuery ofUser(String userId, int limit) {
    return new NotificationQuery(userId, null, limit);
  }

  public static NotificationQuery ofOrder(String orderId, int limit) {
    return new NotificationQuery(null, orderId, limit);
  }
}
