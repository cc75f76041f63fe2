package shop.platform.domain;

/**
 * A business rule said no. The message is safe to show to the caller: it never carries a password,
 * token or card number. No stack trace is filled in: a refusal is an answer, not a bug.
 */
public abstract class DomainFailure extends RuntimeException {
  protected DomainFailure(String message) {
    this(message, null);
  }

  protected DomainFailure(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
