package shop.platform.domain;

/**
 * A dependency the rule needs (a provider, another service) cannot answer right now; the caller may
 * retry (503). The message is what the caller reads; {@link #reason()} is what went wrong, for
 * operators and the logs (it may name hosts or a provider's error, so the caller never sees it).
 */
public class UnavailableException extends DomainFailure {
  private final String reason;

  public UnavailableException(String message) {
    this(message, message, null);
  }

  public UnavailableException(String message, Throwable cause) {
    this(message, message, cause);
  }

  /**
   * @param message what the caller reads
   * @param reason what went wrong, for operators
   */
  public UnavailableException(String message, String reason, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  /** What went wrong, for operators; the message when nothing more was said. */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return reason.equals(getMessage()) ? super.toString() : super.toString() + " (" + reason + ")";
  }
}
