package shop.transaction.order;

import shop.platform.domain.DomainFailure;

/**
 * A carrier webhook whose signature is missing, wrong or too old, or whose body cannot be read: a
 * 400 that names no field (api's {@code Problems} maps it). Nothing changes.
 */
public final class InvalidCarrierNotice extends DomainFailure {
  public InvalidCarrierNotice(String message, Throwable cause) {
    super(message, cause);
  }
}
