package shop.transaction.order;

/** Where a return is: asked for, then approved or rejected by staff, then received. */
public enum ReturnStatus {
  REQUESTED,
  APPROVED,
  REJECTED,
  RECEIVED
}
