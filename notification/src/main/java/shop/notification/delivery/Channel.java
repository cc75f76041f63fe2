package shop.notification.delivery;

/** How a message reaches the customer. */
public enum Channel {
  EMAIL,
  SMS
}
