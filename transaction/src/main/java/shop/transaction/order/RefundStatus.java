package shop.transaction.order;

/**
 * A refund is PENDING from the moment its amount is set aside until the provider answered:
 * SUCCEEDED, or FAILED (the amount is free again).
 */
public enum RefundStatus {
  PENDING,
  SUCCEEDED,
  FAILED
}
