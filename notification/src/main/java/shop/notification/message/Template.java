package shop.notification.message;

/**
 * What the customer is told. Each template has a subject, an HTML and a plain-text email and an SMS
 * text, as resource files under {@code templates/<id>/}.
 */
public enum Template {
  WELCOME("welcome", false),
  // The account mails carry one-time links: never by SMS, which the shop cannot know is the
  // owner's alone.
  VERIFY_EMAIL("verify-email", false),
  RESET_PASSWORD("reset-password", false),
  REGISTRATION_ATTEMPTED("registration-attempted", false),
  ORDER_RECEIVED("order-received", false),
  ORDER_CONFIRMED("order-confirmed", true),
  PAYMENT_ACTION_REQUIRED("payment-action-required", false),
  PAYMENT_FAILED("payment-failed", false),
  ORDER_CANCELLED("order-cancelled", false),
  // The parcel's tracking link is what a customer wants on their phone.
  ORDER_SHIPPED("order-shipped", true),
  ORDER_DELIVERED("order-delivered", false),
  RETURN_REQUESTED("return-requested", false),
  RETURN_RECEIVED("return-received", false),
  REFUND_ISSUED("refund-issued", false);

  private final String id;
  private final boolean sms;

  Template(String id, boolean sms) {
    this.id = id;
    this.sms = sms;
  }

  /** The resource folder name, also shown in the delivery log. */
  public String id() {
    return id;
  }

  /** Whether this message also goes out by SMS to customers who opted in. */
  public boolean sendsSms() {
    return sms;
  }

  public static Template ofId(String id) {
    for (Template template : values()) {
      if (template.id.equals(id)) {
        return template;
      }
    }
    throw new IllegalArgumentException("unknown template " + id);
  }
}
