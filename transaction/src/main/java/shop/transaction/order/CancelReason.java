package shop.transaction.order;

/** Why an order was cancelled, as OrderCancelled reports it. */
public enum CancelReason {
  INVENTORY_REJECTED,
  PAYMENT_FAILED,
  CUSTOMER_REQUEST,
  EXPIRED,
  STAFF_REQUEST
}
