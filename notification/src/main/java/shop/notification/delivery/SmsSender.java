package shop.notification.delivery;

/** An SMS provider. */
public interface SmsSender {
  /** Hands the message to the provider; throws {@link SendFailure} when it does not accept it. */
  SendReceipt send(Sms sms);
}
