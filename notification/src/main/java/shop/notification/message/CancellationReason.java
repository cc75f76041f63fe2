package shop.notification.message;

/** Why an order was cancelled, in words a customer can read. */
public enum CancellationReason {
  INVENTORY_REJECTED("some of the items you ordered are no longer in stock"),
  PAYMENT_FAILED("we could not take the payment"),
  CUSTOMER_REQUEST("you asked us to cancel it"),
  EXPIRED("the payment was not completed in time"),
  STAFF_REQUEST("we could not fulfil it"),
  OTHER("of a problem on our side");

  private final String sentence;

  CancellationReason(String sentence) {
    this.sentence = sentence;
  }

  /** Completes "We cancelled your order because ...". */
  public String sentence() {
    return sentence;
  }

  /** The reason for the code an OrderCancelled event carries; OTHER for a code we do not know. */
  public static CancellationReason ofCode(String code) {
    for (CancellationReason reason : values()) {
      if (reason.name().equals(code)) {
        return reason;
      }
    }
    return OTHER;
  }
}
