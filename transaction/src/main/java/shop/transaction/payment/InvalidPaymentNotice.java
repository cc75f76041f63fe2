package shop.transaction.payment;

/** A webhook whose signature is missing, wrong or too old, or whose body cannot be read. */
public final class InvalidPaymentNotice extends RuntimeException {
  public InvalidPaymentNotice(String message, Throwable cause) {
    super(message, cause);
  }
}
