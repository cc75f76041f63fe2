package shop.notification.delivery;

/** Where a send stands. */
public enum DeliveryStatus {
  /** Claimed by a consumer that is sending it, or waiting for a retry after a passing failure. */
  SENDING,
  /** The provider accepted it. */
  SENT,
  /** The provider refused it for good (invalid address or number); never retried. */
  FAILED
}
