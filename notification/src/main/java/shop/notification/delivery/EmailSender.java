package shop.notification.delivery;

/** An email provider. */
public interface EmailSender {
  /** Hands the email to the provider; throws {@link SendFailure} when it does not accept it. */
  SendReceipt send(Email email);
}
