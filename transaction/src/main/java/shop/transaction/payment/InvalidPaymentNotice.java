package shop.transaction.payment;

import shop.platform.domain.DomainFailure;

/**
 * A webhook whose signature is missing, wrong or too old, or whose body cannot be read: a 400 that
 * names no field (api's {@code Problems} maps it).
 */
public final class InvalidPaymentNotice extends DomainFailure {
  public InvalidPaymentNotice(String message, Throwable cause) {
    super(message, cause);
  }
}
